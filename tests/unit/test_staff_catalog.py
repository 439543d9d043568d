"""The staff consoles speak English and Spanish: every word the pages show is in the Spanish catalog, with the
same placeholders, and the catalog template is what the code says today."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

STAFF = Path(__file__).resolve().parents[2] / "bot" / "staff"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_the_catalog_template_holds_every_word_the_code_shows(tmp_path: Path) -> None:
    fresh = tmp_path / "staff.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(STAFF / "babel.cfg"),
                    "-k", "N_", "--no-location", "-o", str(fresh), str(STAFF)], check=True, capture_output=True)
    with fresh.open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    with (STAFF / "locales" / "staff.pot").open("rb") as handle:
        kept = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert wanted - kept == set(), "run pybabel extract (see bot/staff/babel.cfg) and translate the new words"


def test_every_word_has_a_spanish_translation_with_the_same_placeholders() -> None:
    with (STAFF / "locales" / "es" / "LC_MESSAGES" / "staff.po").open("rb") as handle:
        catalog = read_po(handle, locale="es")
    assert not catalog.fuzzy
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or "fuzzy" in message.flags:
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        problems += [f"placeholders differ: {ids[0]!r}" for s in strings if sorted(PLACEHOLDER.findall(s)) != wanted]
    assert problems == []
