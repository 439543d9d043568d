"""Each workflow is one declaration: what its opening asks, its contact ladder and its time limit. These checks
keep every declaration whole, so a new workflow cannot be half-wired."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.messages.render import TEMPLATES_DIR
from bot.outreach.workflows import QUESTIONS, WORKFLOWS, Workflow, question


@pytest.mark.parametrize("workflow", WORKFLOWS.values(), ids=list(WORKFLOWS))
def test_each_workflow_asks_a_declared_question_and_its_ladder_ends_before_it_expires(workflow: Workflow) -> None:
    assert workflow.awaiting in QUESTIONS and workflow.asks.name == workflow.awaiting
    lifecycle = workflow.lifecycle
    assert lifecycle.ladder, "a patient who never answers must hear from us again"
    assert all(rung.after >= timedelta(hours=1) for rung in lifecycle.ladder)
    assert all(rung.action in ("remind", "next_channel", "person") for rung in lifecycle.ladder)
    assert [rung.action for rung in lifecycle.ladder].count("person") <= 1
    if any(rung.action == "person" for rung in lifecycle.ladder):
        assert lifecycle.ladder[-1].action == "person", "nothing follows the rung that hands the task to a person"
    assert lifecycle.describe()[-1][0] < lifecycle.expires_after
    for channel in ("sms", "chat", "voice"):
        assert (TEMPLATES_DIR / lifecycle.reminder / f"{channel}.j2").exists()


def test_the_standard_ladder_is_a_reminder_at_a_day_a_call_at_two_and_a_person_at_three() -> None:
    steps = WORKFLOWS["missed_appointment"].lifecycle.describe()
    assert steps == [(timedelta(days=1), "remind"), (timedelta(days=2), "next_channel"),
                     (timedelta(days=3), "person")]


@pytest.mark.parametrize("name", list(QUESTIONS))
def test_each_question_names_messages_that_exist(name: str) -> None:
    asked = QUESTIONS[name]
    for message in filter(None, (asked.ask_again, asked.not_understood)):
        assert (TEMPLATES_DIR / message / "sms.j2").exists(), message


def test_an_unknown_question_is_no_question() -> None:
    assert question("something_older") is QUESTIONS["none"]
    assert question("none").ask_again is None
