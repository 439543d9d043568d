"""Installs nothing, but trains (only when the data changed), starts and stops the Rasa engine process."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import hashlib
import json
import logging
import os
import re
import signal
import socket
import subprocess
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url

from bot.conversation.engine import EngineClient
from bot.core.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

ENGINE_INPUTS = ("config.yml", "domain.yml", "data", "engine/outreach_nlu")


class EngineSetupError(RuntimeError):
    pass


def _engine_files() -> list[Path]:
    files: list[Path] = []
    for name in ENGINE_INPUTS:
        path = PROJECT_ROOT / name
        files.extend(sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
                     if path.is_dir() else [path])
    return files


def model_fingerprint() -> str:
    """A key that changes whenever domain.yml, config.yml or anything under data/ changes."""
    digest = hashlib.sha256()
    for path in _engine_files():
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_path(settings: Settings) -> Path:
    return settings.model_dir / f"{model_fingerprint()}.tar.gz"


def rasa_executable(settings: Settings) -> Path:
    rasa = settings.engine_venv / "bin" / "rasa"
    if not rasa.exists():
        raise EngineSetupError(
            f"the Rasa engine is not installed in {settings.engine_venv}; run `bash scripts/setup.sh` "
            "(it needs Python 3.10, as python3.10 or under pyenv)"
        )
    return rasa


# What the engine's process may see of ours: how to run (paths, locale, time zone) and nothing else.
_ENGINE_PASSES = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "USER", "LOGNAME")


def engine_environment(settings: Settings) -> dict[str, str]:
    """The engine's environment: only what it needs. The app's API token, its database password and every other
    setting of ours stay out (the engine reads its tracker store's address from its endpoints file, 0600)."""
    env = {name: os.environ[name] for name in _ENGINE_PASSES if name in os.environ}
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        RASA_CACHE_DIRECTORY=str(PROJECT_ROOT / "var" / "rasa-cache"),
        OUTREACH_APP_URL=f"http://{settings.host}:{settings.port}",
        OUTREACH_ENGINE_CALLBACK_TOKEN=settings.engine_callback_token,  # the engine's key to our callbacks
        OUTREACH_ENGINE_TOKEN=settings.engine_token,  # what the app must show the engine (never on argv)
        PYTHONPATH=str(PROJECT_ROOT / "engine"),  # the engine's own components (config.yml names them)
        TF_CPP_MIN_LOG_LEVEL="2",
        PYTHONWARNINGS="ignore",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    return env


def train_model(settings: Settings, force: bool = False) -> Path:
    """Train unless a model for exactly these inputs exists. Rasa's own cache makes retraining cheap."""
    target = model_path(settings)
    if target.exists() and not force:
        print(f"engine model is up to date: {target.name}", flush=True)
        return target
    settings.model_dir.mkdir(parents=True, exist_ok=True)
    print(f"training the engine model {target.name} (domain, config or data changed)…", flush=True)
    command = [
        str(rasa_executable(settings)), "train", "--fixed-model-name", target.name.removesuffix(".tar.gz"),
        "--out", str(settings.model_dir), "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
    ]
    started = time.monotonic()
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=engine_environment(settings), check=False)
    if result.returncode != 0 or not target.exists():
        raise EngineSetupError(f"rasa train failed (exit {result.returncode}); its output is above")
    print(f"engine model trained in {time.monotonic() - started:.1f} s: {target.name}", flush=True)
    for old in settings.model_dir.glob("*.tar.gz"):
        if old != target:
            old.unlink()
    return target


def validate_data(settings: Settings) -> None:
    """`rasa data validate --fail-on-warnings` over domain, config and data."""
    command = [str(rasa_executable(settings)), "data", "validate", "--fail-on-warnings", "--config", "config.yml",
               "--domain", "domain.yml", "--data", "data"]
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=engine_environment(settings), check=False,
                            capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in (result.stdout + result.stderr).splitlines()
                 if "UserWarning" in line or "ERROR" in line or ("WARNING" in line and "Deprecat" not in line)]
        raise EngineSetupError("engine data is not valid:\n" + "\n".join(lines[-30:]))
    print("engine data: valid", flush=True)


# Held-out gates: the run fails below intent macro-F1 0.92, overall and in each language of the held-out set
# (tests/nlu/test_<language>.yml), or below entity micro-F1 0.90 (see docs/engine.md).
INTENT_MACRO_F1_FLOOR = 0.92
INTENT_MACRO_F1_FLOOR_BY_LANGUAGE = {"en": 0.92, "es": 0.92, "zh": 0.92, "vi": 0.92}
ENTITY_MICRO_F1_FLOOR = 0.90
_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def held_out_languages(folder: Path) -> dict[str, set[str]]:
    """Each held-out file's language (``test_<language>.yml``) → the plain texts of its examples."""
    import yaml  # a development dependency: only the evaluation reads the held-out set

    texts: dict[str, set[str]] = {}
    for path in sorted(folder.glob("test_*.yml")):
        found = texts.setdefault(path.stem.removeprefix("test_"), set())
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in block.get("examples", "").splitlines():
                if line.strip().startswith("- "):
                    found.add(_ANNOTATION.sub(r"\1", line.strip()[2:]).strip())
    return texts


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-averaged F1 of (true, predicted) intent pairs over every intent either side names (a prediction
    of an intent the language never has, or of the fallback, counts as a class with F1 0, as Rasa counts it)."""
    labels = {label for pair in pairs for label in pair}
    scores = []
    for label in labels:
        hits = sum(1 for true, predicted in pairs if true == predicted == label)
        relevant = sum(1 for true, _ in pairs if true == label)
        retrieved = sum(1 for _, predicted in pairs if predicted == label)
        scores.append(2 * hits / (relevant + retrieved) if relevant + retrieved else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def intent_f1_by_language(results: Path, held_out: Path) -> dict[str, float]:
    """Intent macro-F1 per held-out language, from Rasa's per-example successes and errors."""
    languages = held_out_languages(held_out)
    predictions = [*json.loads((results / "intent_successes.json").read_text()),
                   *json.loads((results / "intent_errors.json").read_text())]
    pairs: dict[str, list[tuple[str, str]]] = {language: [] for language in languages}
    for row in predictions:
        named = [language for language, texts in languages.items() if row["text"].strip() in texts]
        for language in named:  # a text held out in two languages counts in both
            pairs[language].append((row["intent"], (row.get("intent_prediction") or {}).get("name") or "None"))
    return {language: macro_f1(rows) for language, rows in pairs.items() if rows}


def evaluate_model(settings: Settings) -> bool:
    """Held-out NLU test (tests/nlu, never trained on) and end-to-end conversation tests (tests/stories)."""
    model = train_model(settings)
    out = PROJECT_ROOT / "var" / "results"
    rasa, env = str(rasa_executable(settings)), engine_environment(settings)
    nlu = subprocess.run([rasa, "test", "nlu", "--no-plot", "--successes", "--model", str(model), "--nlu",
                          "tests/nlu", "--out", str(out / "nlu")],
                         cwd=PROJECT_ROOT, env=env, check=False, capture_output=True, text=True)
    core = subprocess.run([rasa, "test", "core", "--model", str(model), "--stories", "tests/stories",
                           "--out", str(out / "core")], cwd=PROJECT_ROOT, env=env, check=False, capture_output=True,
                          text=True)
    if nlu.returncode or core.returncode:
        print((nlu.stdout + nlu.stderr + core.stdout + core.stderr)[-3000:])
        raise EngineSetupError("rasa test failed to run")
    intents = json.loads((out / "nlu" / "intent_report.json").read_text())
    entities = json.loads((out / "nlu" / "CRFEntityExtractor_report.json").read_text())
    stories = json.loads((out / "core" / "story_report.json").read_text())
    intent_f1 = intents["macro avg"]["f1-score"]
    by_language = intent_f1_by_language(out / "nlu", PROJECT_ROOT / "tests" / "nlu")
    entity_f1 = entities["micro avg"]["f1-score"] if "micro avg" in entities else entities["accuracy"]
    conversations = stories["conversation_accuracy"]
    print(f"intent macro-F1 {intent_f1:.3f} (the run fails below {INTENT_MACRO_F1_FLOOR})")
    floors = {language: INTENT_MACRO_F1_FLOOR_BY_LANGUAGE.get(language, INTENT_MACRO_F1_FLOOR)
              for language in by_language}
    print("intent macro-F1 by language: " + ", ".join(
        f"{language} {score:.3f} (floor {floors[language]})" for language, score in by_language.items()))
    print(f"entity micro-F1 {entity_f1:.3f} (macro {entities['macro avg']['f1-score']:.3f}; the run fails below "
          f"{ENTITY_MICRO_F1_FLOOR})")
    print(f"conversations {conversations['correct']}/{conversations['total']} correct end to end")
    errors = json.loads((out / "nlu" / "intent_errors.json").read_text())
    pairs = Counter(f"{e['intent']} -> {e['intent_prediction']['name']}" for e in errors)
    print("worst confusions: " + ", ".join(f"{pair} ({count})" for pair, count in pairs.most_common(6)))
    languages_pass = set(by_language) >= set(INTENT_MACRO_F1_FLOOR_BY_LANGUAGE) and all(
        score >= floors[language] for language, score in by_language.items())
    return (intent_f1 >= INTENT_MACRO_F1_FLOOR and languages_pass and entity_f1 >= ENTITY_MICRO_F1_FLOOR
            and conversations["correct"] == conversations["total"])


def _die_with_parent() -> None:
    """In the engine's child process, before exec: be killed when the app dies, however it dies (SIGKILL too),
    so no engine is ever left running without its app."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the app died between fork and prctl
        os._exit(1)


PR_SET_PDEATHSIG = 1


def tracker_store_url(settings: Settings) -> str:
    """Where the engine keeps its conversations: beside the app's data, on the same database server (its own
    schema, ``rasa``, on PostgreSQL; its own file on SQLite)."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        path = Path(database).with_name(Path(database).stem + "-engine.db") if database else PROJECT_ROOT / "var" \
            / "engine-trackers.db"
        return f"sqlite:///{path}"
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def write_endpoints(settings: Settings, replicas: int) -> Path:
    """The engine's endpoints file: the project's endpoints.yml (our action and NLG endpoints), with the
    tracker store on our database server and, for more than one replica, the lock store in Redis."""
    lines = [(PROJECT_ROOT / "endpoints.yml").read_text().rstrip(), "",
             "# written by `outreach serve` from its settings; do not edit",
             "tracker_store:", "  type: SQL", f"  url: {json.dumps(tracker_store_url(settings))}",
             f"  dialect: {make_url(settings.database_url).get_backend_name()}"]
    if replicas > 1:
        redis = urlsplit(settings.redis_url)
        lines += ["lock_store:", "  type: redis", f"  url: {redis.hostname or '127.0.0.1'}",
                  f"  port: {redis.port or 6379}", f"  db: {(redis.path or '/1').lstrip('/') or '1'}",
                  "  key_prefix: outreach"]
    path = PROJECT_ROOT / "var" / "run" / f"endpoints-{settings.engine_port}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


class EngineProcess:
    """One `rasa run` child process on one port. Started in its own session (Ctrl-C reaches the app first, and
    the app stops it) and bound to the app's life (it dies with the app, even on SIGKILL)."""

    def __init__(self, settings: Settings, model: Path, port: int, endpoints: Path) -> None:
        self.settings = settings
        self.model = model
        self.port = port
        self.endpoints = endpoints
        self.log_path = PROJECT_ROOT / "var" / "logs" / f"engine-{port}.log"
        self.pid_path = PROJECT_ROOT / "var" / "run" / f"engine-{port}.pid"
        self._process: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.pid_path.parent.mkdir(parents=True, exist_ok=True)
        _stop_leftover(self.pid_path)
        if _port_taken(self.port):
            raise EngineSetupError(f"port {self.port} is already in use, so the engine cannot listen there; stop "
                                   "what holds it or set OUTREACH_ENGINE_PORT")
        command = [
            str(rasa_executable(self.settings).with_name("python")), str(PROJECT_ROOT / "engine" / "rasa_run.py"),
            "run", "--model", str(self.model), "--enable-api", "--interface", "127.0.0.1",
            "--port", str(self.port), "--endpoints", str(self.endpoints), "--credentials", "credentials.yml",
        ]
        env = engine_environment(self.settings)
        if make_url(self.settings.database_url).get_backend_name() != "sqlite":
            env["POSTGRESQL_SCHEMA"] = ENGINE_SCHEMA
        with self.log_path.open("ab") as log_file:
            self._process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=_die_with_parent,
            )
        self.pid_path.write_text(str(self._process.pid))

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    async def wait_ready(self, probe: Callable[[str], Awaitable[bool]], limit_seconds: float = 120.0) -> None:
        """Wait for /status to answer; fail early with the log's tail if the process died."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit_seconds
        while loop.time() < deadline:
            if not self.running:
                raise EngineSetupError(f"the engine exited during start; last lines of {self.log_path}:\n"
                                       + self.log_tail())
            if await probe(self.url):
                return
            await asyncio.sleep(0.5)
        raise EngineSetupError(f"the engine did not answer within {limit_seconds:.0f} s; see {self.log_path}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def signal(self, signum: int) -> None:
        if self._process is not None and self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signum)

    def reap(self) -> None:
        if self._process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=0.1)
        with contextlib.suppress(OSError):
            self.pid_path.unlink()


ENGINE_SCHEMA = "rasa"


class EngineSupervisor:
    """The engine replicas this app runs: started together, restarted when one dies (the messages that arrived
    meanwhile are kept and passed on in order by the inbound router), stopped within seconds."""

    def __init__(self, settings: Settings, model: Path) -> None:
        endpoints = write_endpoints(settings, settings.engines)
        self.replicas = [EngineProcess(settings, model, settings.engine_port + i, endpoints)
                         for i in range(settings.engines)]
        self._client = EngineClient([r.url for r in self.replicas] or [settings.engine_url],
                                    settings.engine_token, 2.0)

    async def start(self) -> None:
        await self._client.start()
        for replica in self.replicas:
            replica.start()
        await asyncio.gather(*(replica.wait_ready(self._client.replica_ready) for replica in self.replicas))

    async def watch(self, stop: asyncio.Event, every_seconds: float = 1.0) -> None:
        """Restart any replica that died, until ``stop``."""
        while not stop.is_set():
            for replica in self.replicas:
                if not replica.running and not stop.is_set():
                    replica.restarts += 1
                    log.error("engine.died", extra={"port": replica.port, "restarts": replica.restarts,
                                                    "log_tail": replica.log_tail(5)})
                    replica.reap()
                    try:
                        replica.start()
                        await replica.wait_ready(self._client.replica_ready)
                        log.warning("engine.restarted", extra={"port": replica.port})
                    except EngineSetupError as error:
                        log.error("engine.restart_failed", extra={"port": replica.port, "error": str(error)})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=every_seconds)

    async def stop(self, grace_seconds: float = 3.0) -> None:
        """SIGTERM every replica, SIGKILL whichever is still there after ``grace_seconds``."""
        for replica in self.replicas:
            replica.signal(signal.SIGTERM)
        deadline = time.monotonic() + grace_seconds
        while any(r.running for r in self.replicas) and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        for replica in self.replicas:
            replica.signal(signal.SIGKILL)
            replica.reap()
        await self._client.close()


def _port_taken(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _stop_leftover(pid_path: Path) -> None:
    """An engine an earlier app started on this port and left running (an app from before engines died with
    their app): stop it, if the pid still names a Rasa process."""
    try:
        pid = int(pid_path.read_text().strip())
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if b"rasa" in command and b"run" in command:
        log.warning("engine.leftover_stopped", extra={"pid": pid})
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        for _ in range(50):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.05)
