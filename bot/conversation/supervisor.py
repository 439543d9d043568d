"""Installs nothing, but trains (only when the data changed), starts and stops the Rasa engine process."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

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


def engine_environment(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        RASA_CACHE_DIRECTORY=str(PROJECT_ROOT / "var" / "rasa-cache"),
        OUTREACH_APP_URL=f"http://{settings.host}:{settings.port}",
        OUTREACH_ENGINE_CALLBACK_TOKEN=settings.engine_callback_token,
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


# Held-out gates: the run fails below intent macro-F1 0.92 or entity micro-F1 0.90 (see docs/engine.md).
INTENT_MACRO_F1_FLOOR = 0.92
ENTITY_MICRO_F1_FLOOR = 0.90


def evaluate_model(settings: Settings) -> bool:
    """Held-out NLU test (tests/nlu, never trained on) and end-to-end conversation tests (tests/stories)."""
    model = train_model(settings)
    out = PROJECT_ROOT / "var" / "results"
    rasa, env = str(rasa_executable(settings)), engine_environment(settings)
    nlu = subprocess.run([rasa, "test", "nlu", "--no-plot", "--model", str(model), "--nlu", "tests/nlu",
                          "--out", str(out / "nlu")],
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
    entity_f1 = entities["micro avg"]["f1-score"] if "micro avg" in entities else entities["accuracy"]
    conversations = stories["conversation_accuracy"]
    print(f"intent macro-F1 {intent_f1:.3f} (the run fails below {INTENT_MACRO_F1_FLOOR})")
    print(f"entity micro-F1 {entity_f1:.3f} (macro {entities['macro avg']['f1-score']:.3f}; the run fails below "
          f"{ENTITY_MICRO_F1_FLOOR})")
    print(f"conversations {conversations['correct']}/{conversations['total']} correct end to end")
    errors = json.loads((out / "nlu" / "intent_errors.json").read_text())
    pairs = Counter(f"{e['intent']} -> {e['intent_prediction']['name']}" for e in errors)
    print("worst confusions: " + ", ".join(f"{pair} ({count})" for pair, count in pairs.most_common(6)))
    return (intent_f1 >= INTENT_MACRO_F1_FLOOR and entity_f1 >= ENTITY_MICRO_F1_FLOOR
            and conversations["correct"] == conversations["total"])


class EngineProcess:
    """The `rasa run` child process. Started in its own session so Ctrl-C reaches us first; we stop it."""

    def __init__(self, settings: Settings, model: Path, log_path: Path) -> None:
        self.settings = settings
        self.model = model
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(rasa_executable(self.settings)), "run", "--model", str(self.model), "--enable-api",
            "--auth-token", self.settings.engine_token, "--interface", "127.0.0.1",
            "--port", str(self.settings.engine_port), "--endpoints", "endpoints.yml",
            "--credentials", "credentials.yml",
        ]
        log_file = self.log_path.open("ab")
        self._process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=engine_environment(self.settings), stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
        log_file.close()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    async def wait_ready(self, probe: object, limit_seconds: float = 120.0) -> None:
        """Wait for /status to answer; fail early with the log's tail if the process died."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit_seconds
        while loop.time() < deadline:
            if not self.running:
                raise EngineSetupError(f"the engine exited during start; last lines of {self.log_path}:\n"
                                       + self.log_tail())
            if await probe():  # type: ignore[operator]
                return
            await asyncio.sleep(0.5)
        raise EngineSetupError(f"the engine did not answer within {limit_seconds:.0f} s; see {self.log_path}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if not self._process or self._process.poll() is not None:
            return
        try:
            os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=5)
        except ProcessLookupError:
            pass
