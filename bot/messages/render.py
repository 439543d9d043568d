"""Render a patient message for a channel and language: templates/<message>/<channel>.j2 through Jinja2 with
Babel's gettext catalogs. The one door every patient-facing word goes through."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from bot.core.settings import PROJECT_ROOT

TEMPLATES_DIR = PROJECT_ROOT / "templates"
LOCALES_DIR = PROJECT_ROOT / "locales"
CHANNELS = ("sms", "voice", "chat")
DEFAULT_LANGUAGE = "en"


class UnknownMessage(LookupError):
    pass


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


@lru_cache(maxsize=16)
def _environment(language: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
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


def template_path(message: str, channel: str) -> Path:
    return TEMPLATES_DIR / message / f"{channel}.j2"


def render_for_channel(message: str, channel: str, language: str, context: dict[str, Any]) -> str:
    """The text of ``message`` for ``channel`` in ``language``; raises UnknownMessage if there is no template."""
    if channel not in CHANNELS:
        raise UnknownMessage(f"unknown channel {channel!r}")
    env = _environment(resolve_language(language))
    try:
        template = env.get_template(f"{message}/{channel}.j2")
    except TemplateNotFound:
        raise UnknownMessage(f"no template for message {message!r} on channel {channel!r}") from None
    text = template.render(**context)
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(lines).strip()
