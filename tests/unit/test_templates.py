"""Every word a patient reads: all workflows render in four languages on three channels, and the literacy
linter passes over everything and catches a planted violation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.messages.literacy import LANGUAGES, check, lint, sample_context
from bot.messages.render import CHANNELS, LOCALES_DIR, TEMPLATES_DIR, render_message
from bot.messages.segments import count_segments
from bot.outreach.workflows import COMMON_MESSAGES, WORKFLOWS


@pytest.mark.parametrize("workflow", sorted(WORKFLOWS))
@pytest.mark.parametrize("channel", CHANNELS)
def test_every_workflow_renders_in_four_languages_on_every_channel(workflow: str, channel: str) -> None:
    flow = WORKFLOWS[workflow]
    for message in (flow.opening, *flow.follow_ups):
        english = render_message(message, channel, "en", sample_context("en", channel)).text
        for language in LANGUAGES[1:]:
            text = render_message(message, channel, language, sample_context(language, channel)).text
            assert text and text != english, f"{message}/{channel} is not translated to {language}"
            assert "Reply with" not in text and "Pick a" not in text, f"English left in {message} [{language}]"


def test_messages_any_conversation_may_send_exist_on_every_channel() -> None:
    for message in COMMON_MESSAGES:
        for channel in CHANNELS:
            assert render_message(message, channel, "es", sample_context("es", channel)).text


def test_chat_offers_quick_reply_buttons_and_a_simpler_variant_exists() -> None:
    chat = render_message("missed_appointment_offer", "chat", "en", sample_context("en", "chat"))
    assert len(chat.buttons) >= 3 and "[button]" not in chat.text
    plain = render_message("missed_appointment_offer", "sms", "en", sample_context("en"))
    simpler = render_message("missed_appointment_offer", "sms", "en", sample_context("en"), simpler=True)
    assert simpler.text != plain.text and len(simpler.text) <= len(plain.text)


def test_the_linter_passes_over_everything() -> None:
    findings, general = lint()
    assert general == []
    assert [(f.message, f.channel, f.language, f.problems) for f in findings if f.problems] == []
    assert len(findings) >= len(WORKFLOWS) * len(CHANNELS) * len(LANGUAGES)


def test_the_linter_catches_planted_violations(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, templates)
    planted = templates / "missed_appointment_offer" / "sms.j2"
    planted.write_text(
        "{% trans %}Hello, this is about the results of your colonoscopy regarding hypertension and "
        "the subsequent pharmacological management we will commence and facilitate.{% endtrans %}\n"
        "{% if diagnosis is defined %}{{ diagnosis }}{% endif %}\n",
        encoding="utf-8",
    )
    findings, general = lint(templates, LOCALES_DIR)
    problems = [p for f in findings if f.message == "missed_appointment_offer" and f.channel == "sms"
                and f.language == "en" for p in f.problems]
    assert any("reading grade" in p for p in problems)
    assert any("jargon 'hypertension'" in p for p in problems)
    assert any("PHI word" in p for p in problems)
    assert any("STOP" in p for p in problems) and any("organisation" in p for p in problems)
    assert any("PHI field 'diagnosis'" in p for p in general)
    assert any("not in the catalog" in p for p in general)


def test_segments_are_counted_as_carriers_count_them() -> None:
    assert count_segments("a" * 160).segments == 1 and count_segments("a" * 161).segments == 2
    assert count_segments("Mañana, miércoles").encoding == "GSM-7"  # ñ and é are GSM-7
    assert count_segments("día").encoding == "UCS-2"  # í is not
    assert count_segments("día" + "a" * 67).segments == 1 and count_segments("día" + "a" * 68).segments == 2
    assert count_segments("{" * 80).units == 160


def test_spanish_is_scored_with_a_spanish_formula() -> None:
    finding = check("help", "sms", "es", "Su presión estaba alta. Llámenos hoy.")
    assert finding.score_name == "Fernández-Huerta" and finding.score is not None and finding.score > 70


def test_counts_are_pluralised_in_each_language() -> None:
    context = sample_context("es")
    three = render_message("more_slots", "sms", "es", context).text.splitlines()[0]
    one = render_message("more_slots", "sms", "es", {**context, "options": context["options"][:1]}).text
    assert three == "Aquí tiene 3 horarios más:" and one.splitlines()[0] == "Aquí tiene otro horario:"
    english = render_message("more_slots", "sms", "en", {**sample_context("en"), "options": context["options"][:1]})
    assert english.text.startswith("Here is one other time:")
