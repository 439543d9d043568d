"""The app's one clock: the system's, or one a test stack moves ahead; never movable with real patients."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import clock
from bot.core.settings import Settings


def test_a_moved_clock_is_ahead_by_what_was_written_and_every_reader_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "clock"
    reader = clock.MovableClock(path)
    assert abs(reader.now() - datetime.now(UTC)) < timedelta(seconds=1)
    clock.move_clock_file(path, timedelta(days=2))
    clock.move_clock_file(path, timedelta(hours=3))
    other = clock.MovableClock(path)  # another process reading the same file
    assert abs(other.now() - (datetime.now(UTC) + timedelta(days=2, hours=3))) < timedelta(seconds=1)


def test_the_app_reads_the_file_it_was_given_and_the_system_clock_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "clock"
    clock.move_clock_file(path, timedelta(days=1))
    try:
        clock.use_clock_file(path)
        assert clock.now() - datetime.now(UTC) > timedelta(hours=23)
    finally:
        clock.use_clock_file(None)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=1)


def test_a_movable_clock_is_refused_with_real_twilio(tmp_path: Path) -> None:
    real = {"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": "x" * 32, "TWILIO_FROM_NUMBER": "+15005550006",
            "OUTREACH_API_TOKEN": "an-own-token-long-enough"}
    assert Settings.from_env(real).start_problem() is None
    problem = Settings.from_env({**real, "OUTREACH_CLOCK_FILE": str(tmp_path / "clock")}).start_problem()
    assert problem is not None and "OUTREACH_CLOCK_FILE" in problem
    simulated = {"OUTREACH_SIMULATOR": "on", "OUTREACH_CLOCK_FILE": str(tmp_path / "clock")}
    assert Settings.from_env(simulated).start_problem() is None
