"""Render a patient message for a channel and language: templates/<message>/<channel>.j2 through Jinja2 with
Babel's gettext catalogs. The one door every patient-facing word goes through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, TemplatesNotFound

from bot.core.settings import PROJECT_ROOT, Settings

TEMPLATES_DIR = PROJECT_ROOT / "templates"
LOCALES_DIR = PROJECT_ROOT / "locales"
CHANNELS = ("sms", "voice", "chat")
DEFAULT_LANGUAGE = "en"
_CJK_SPACE = re.compile(r"([。！？，：；])[ ]+")  # sentences joined with a space read wrong in Chinese


class UnknownMessage(LookupError):
    pass


def organisation_context(organisation_name: str, support_phone: str) -> dict[str, Any]:
    """What every message may name: who we are and how to reach a person."""
    return {"org": organisation_name, "support_phone": support_phone}


def supported_languages() -> list[str]:
    found = {DEFAULT_LANGUAGE}
    if LOCALES_DIR.exists():
        found |= {p.name for p in LOCALES_DIR.iterdir() if (p / "LC_MESSAGES" / "messages.po").exists()}
    return sorted(found)


def resolve_language(requested: str | None) -> str:
    """The catalog we will speak: 'es-MX' → 'es'; anything we lack → English."""
    if not requested:
        return DEFAULT_LANGUAGE
    base = requested.replace("-", "_").split("_")[0].lower()
    return base if base in supported_languages() else DEFAULT_LANGUAGE


@lru_cache(maxsize=32)
def _environment(language: str, templates_dir: Path = TEMPLATES_DIR) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    translations: NullTranslations = NullTranslations()
    if language != DEFAULT_LANGUAGE:
        loaded = Translations.load(str(LOCALES_DIR), [language])
        if isinstance(loaded, Translations):
            translations = loaded
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    return env


# "[button 2] Tue, Dec 8, 1:00 PM": a web-chat quick reply and the value it sends (the number an SMS asks for, so
# it means the same in every language); the chat text carries it as "2) Tue, Dec 8, 1:00 PM", which the chat page
# shows as a button and a patient can also type
_DOUBLE_STOP = re.compile(r"\b([ap]\. ?m\.)\.")  # "a las 2:00 p. m.." at a sentence's end: one stop
BUTTON_LINE = re.compile(r"^\[button(?: (\w+))?\]\s*(.*)$")


@dataclass(frozen=True)
class Rendered:
    text: str
    buttons: list[str] = field(default_factory=list)  # web-chat quick replies' labels


def template_path(message: str, channel: str, simpler: bool = False) -> Path:
    return TEMPLATES_DIR / message / f"{channel}{'_simple' if simpler else ''}.j2"


def render_message(
    message: str,
    channel: str,
    language: str,
    context: dict[str, Any],
    *,
    simpler: bool = False,
    templates_dir: Path = TEMPLATES_DIR,
) -> Rendered:
    """``message`` for ``channel`` in ``language``. ``simpler`` picks the "<channel>_simple" variant where one
    exists (for patients who need extra help reading). Raises UnknownMessage if there is no template."""
    if channel not in CHANNELS:
        raise UnknownMessage(f"unknown channel {channel!r}")
    env = _environment(resolve_language(language), templates_dir)
    names = [f"{message}/{channel}_simple.j2"] if simpler else []
    try:
        template = env.select_template([*names, f"{message}/{channel}.j2"])
    except (TemplateNotFound, TemplatesNotFound):
        raise UnknownMessage(f"no template for message {message!r} on channel {channel!r}") from None
    lines = [" ".join(line.split()) for line in template.render(**context).strip().splitlines()]
    text_lines, buttons = [], []
    for line in lines:
        button = BUTTON_LINE.match(line)
        if button is None:
            text_lines.append(line)
            continue
        value, label = button.group(1), button.group(2).strip()
        buttons.append(label)
        if value is not None:
            text_lines.append(f"{value}) {label}")
    text = _DOUBLE_STOP.sub(r"\1", "\n".join(text_lines).strip())
    return Rendered(_CJK_SPACE.sub(r"\1", text), buttons)


def render_for_channel(
    message: str, channel: str, language: str, context: dict[str, Any], *, simpler: bool = False
) -> str:
    """The text of ``message`` (see ``render_message``)."""
    return render_message(message, channel, language, context, simpler=simpler).text


def render_standalone(
    settings: Settings, message: str, channel: str, language: str, extra: dict[str, Any] | None = None
) -> str:
    """A message that needs only who we are (opt-out confirmations, holding replies, identity questions)."""
    context = {**organisation_context(settings.organisation_name, settings.support_phone), **(extra or {})}
    return render_for_channel(message, channel, language, context)
