"""One typed settings object, read from the environment once at start.

No other module reads ``os.environ``: everything it needs is passed from here.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# The simulator's account: only ever used against the local simulator. Its signing secret is not fixed: it is
# drawn at random at each start (or given by OUTREACH_SIMULATOR_AUTH_TOKEN, when several processes share one).
SIMULATOR_ACCOUNT_SID = "AC" + "0" * 30 + "51"
SIMULATOR_FROM_NUMBER = "+15005550006"
SIMULATOR_ON = ("on", "1", "true", "yes")
DEMO_API_TOKEN = "demo-api-token"  # published in the README: good for the demo and tests, never for real patients
NO_TWILIO = ("no Twilio settings: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER to send real "
             "texts and calls, or run `outreach demo` (or set OUTREACH_SIMULATOR=on) to use the local simulator, "
             "which must never face the internet")


class SettingsError(ValueError):
    """A setting is present but unusable; the message says which and why."""


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None


def _cap(env: dict[str, str], name: str, default: int) -> int:
    value = _int(env, name, default)
    if not 0 <= value <= 1000:
        raise SettingsError(f"{name} must be between 0 (no cap) and 1000, got {value}")
    return value


def _rate(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number of messages per second, got {raw!r}") from None
    if not 0 <= value <= 10_000:
        raise SettingsError(f"{name} must be between 0 (no limit) and 10000, got {raw!r}")
    return value


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str = "http://127.0.0.1:8080"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'outreach.db'}"
    api_token: str = DEMO_API_TOKEN
    chat_link_secret: str = ""  # signs web-chat links; empty: derived from the API token
    organisation_name: str = "Riverside Health"
    support_phone: str = "(555) 010-0100"
    twilio_account_sid: str = SIMULATOR_ACCOUNT_SID
    twilio_auth_token: str = field(default_factory=lambda: secrets.token_hex(16))
    twilio_from_number: str = SIMULATOR_FROM_NUMBER
    use_simulator: bool = True  # asked for (demo, tests, OUTREACH_SIMULATOR=on) and no real Twilio settings
    real_twilio: bool = False
    engine_url: str = "http://127.0.0.1:5005"
    engine_port: int = 5005
    engine_token: str = field(default_factory=lambda: secrets.token_hex(16))
    engine_callback_token: str = field(default_factory=lambda: secrets.token_hex(16))
    engine_venv: Path = PROJECT_ROOT / ".venv-engine"
    engine_timeout_seconds: float = 10.0
    model_dir: Path = PROJECT_ROOT / "var" / "models"
    run_workers: bool = True
    run_web: bool = True
    engines: int = 1  # engine replicas this process starts and supervises; 0: use OUTREACH_ENGINE_URL as it is
    redis_url: str = "redis://127.0.0.1:6379/1"  # the engines' lock store when more than one replica runs
    simulator_url: str = ""  # a simulator running on its own (`outreach simulator`); empty: in-process
    journal_dir: Path = PROJECT_ROOT / "var" / "journal"
    dispatch_interval_seconds: float = 1.0
    dispatch_concurrency: int = 32  # patients one worker process contacts at once
    quiet_hours_start: int = 8
    quiet_hours_end: int = 21
    # the frequency cap: contacts the patient did not start, per patient across every workflow (0: no cap)
    cap_per_day: int = 1
    cap_per_week: int = 3
    max_sends_per_second: float = 0.0  # contacts started per second by all worker processes together (0: no limit)
    # signs and encrypts staff session cookies (a Fernet key); empty: kept in var/staff-session.key, made once
    staff_session_key: str = ""
    handoff_teams: dict[str, str] = field(default_factory=dict)  # handoff group or reason → team's queue
    # a clock that tests and demos can move (bot/core/clock.py); only with the simulator, never with real patients
    clock_file: Path | None = None

    @property
    def twilio_base_url(self) -> str | None:
        """Where the Twilio client sends its requests: the simulator, or Twilio itself (None)."""
        if not self.use_simulator:
            return None
        return f"{self.simulator_url or f'http://{self.host}:{self.port}'}/sim"

    def start_problem(self) -> str | None:
        """Why `outreach serve` must not start with these settings, if it must not: it would send nowhere (no
        Twilio, no simulator asked for), or face real patients behind the published demo API token."""
        if not self.real_twilio and not self.use_simulator:
            return NO_TWILIO
        if self.real_twilio and self.api_token == DEMO_API_TOKEN:
            return "OUTREACH_API_TOKEN is the demo's published token: set your own before using real Twilio"
        if self.real_twilio and self.clock_file is not None:
            return "OUTREACH_CLOCK_FILE moves the app's clock: it is for tests with the simulator, never real Twilio"
        return None

    @property
    def role(self) -> str:
        return "all" if self.run_web and self.run_workers else ("web" if self.run_web else "worker")

    @property
    def simulator_in_process(self) -> bool:
        return self.use_simulator and not self.simulator_url

    @property
    def engine_urls(self) -> list[str]:
        """Every engine replica the app talks to (a conversation always goes to the same one)."""
        if self.engines <= 1:
            return [self.engine_url]
        return [f"http://127.0.0.1:{self.engine_port + i}" for i in range(self.engines)]

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        port = _int(env, "OUTREACH_PORT", 8080)
        host = env.get("OUTREACH_HOST", "127.0.0.1")
        sid = env.get("TWILIO_ACCOUNT_SID", "")
        token = env.get("TWILIO_AUTH_TOKEN", "")
        number = env.get("TWILIO_FROM_NUMBER", "")
        real_twilio = bool(sid or token)
        if real_twilio and not (sid and token and number):
            raise SettingsError(
                "real Twilio needs all of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER"
            )
        engine_port = _int(env, "OUTREACH_ENGINE_PORT", 5005)
        engines = _int(env, "OUTREACH_ENGINES", 1)
        if not 0 <= engines <= 8:
            raise SettingsError(f"OUTREACH_ENGINES must be between 0 and 8, got {engines}")
        role = env.get("OUTREACH_ROLE", "all")
        if role not in ("all", "web", "worker"):
            raise SettingsError(f"OUTREACH_ROLE must be all, web or worker, got {role!r}")
        workers = env.get("OUTREACH_WORKERS", "1") not in ("0", "false", "no")
        defaults = cls()
        simulator_url = env.get("OUTREACH_SIMULATOR_URL", "").rstrip("/")
        use_simulator = not real_twilio and (env.get("OUTREACH_SIMULATOR", "").lower() in SIMULATOR_ON
                                             or bool(simulator_url))
        simulator_token = env.get("OUTREACH_SIMULATOR_AUTH_TOKEN", "")
        if use_simulator and simulator_url and not simulator_token:
            raise SettingsError("a simulator on its own (OUTREACH_SIMULATOR_URL) needs OUTREACH_SIMULATOR_AUTH_TOKEN, "
                                "the same in the simulator and in every app process")
        from bot.staff.reasons import parse_teams

        try:
            handoff_teams = parse_teams(env.get("OUTREACH_HANDOFF_TEAMS", ""))
        except ValueError as error:
            raise SettingsError(str(error)) from None
        return cls(
            host=host,
            port=port,
            public_url=env.get("OUTREACH_PUBLIC_URL", f"http://{host}:{port}").rstrip("/"),
            database_url=env.get("OUTREACH_DATABASE_URL", defaults.database_url),
            api_token=env.get("OUTREACH_API_TOKEN", defaults.api_token),
            chat_link_secret=env.get("OUTREACH_CHAT_LINK_SECRET", ""),
            organisation_name=env.get("OUTREACH_ORG_NAME", defaults.organisation_name),
            support_phone=env.get("OUTREACH_SUPPORT_PHONE", defaults.support_phone),
            twilio_account_sid=sid or SIMULATOR_ACCOUNT_SID,
            twilio_auth_token=token or simulator_token or defaults.twilio_auth_token,
            twilio_from_number=number or SIMULATOR_FROM_NUMBER,
            use_simulator=use_simulator,
            real_twilio=real_twilio,
            engine_url=env.get("OUTREACH_ENGINE_URL", f"http://127.0.0.1:{engine_port}").rstrip("/"),
            engine_port=engine_port,
            engine_token=env.get("OUTREACH_ENGINE_TOKEN") or defaults.engine_token,
            engine_callback_token=env.get("OUTREACH_ENGINE_CALLBACK_TOKEN") or defaults.engine_callback_token,
            engine_timeout_seconds=float(_int(env, "OUTREACH_ENGINE_TIMEOUT_SECONDS", 10)),
            engine_venv=Path(env.get("OUTREACH_ENGINE_VENV", str(defaults.engine_venv))),
            model_dir=Path(env.get("OUTREACH_MODEL_DIR", str(defaults.model_dir))),
            run_workers=workers and role in ("all", "worker"),
            run_web=role in ("all", "web"),
            engines=engines,
            dispatch_concurrency=max(1, _int(env, "OUTREACH_DISPATCH_CONCURRENCY", 32)),
            redis_url=env.get("OUTREACH_REDIS_URL", defaults.redis_url),
            simulator_url=simulator_url,
            journal_dir=Path(env.get("OUTREACH_JOURNAL_DIR", str(defaults.journal_dir))),
            staff_session_key=env.get("OUTREACH_STAFF_SESSION_KEY", ""),
            handoff_teams=handoff_teams,
            clock_file=Path(env["OUTREACH_CLOCK_FILE"]) if env.get("OUTREACH_CLOCK_FILE") else None,
            cap_per_day=_cap(env, "OUTREACH_CAP_PER_DAY", defaults.cap_per_day),
            cap_per_week=_cap(env, "OUTREACH_CAP_PER_WEEK", defaults.cap_per_week),
            max_sends_per_second=_rate(env, "OUTREACH_MAX_SENDS_PER_SECOND", defaults.max_sends_per_second),
        )
