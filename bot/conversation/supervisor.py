"""Installs nothing, but trains (only when the data changed), starts and stops the Rasa engine process."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
import subprocess
from pathlib import Path

from bot.core.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

ENGINE_INPUTS = ("config.yml", "domain.yml", "data")


class EngineSetupError(RuntimeError):
    pass


def _engine_files() -> list[Path]:
    files: list[Path] = []
    for name in ENGINE_INPUTS:
        path = PROJECT_ROOT / name
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
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
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=engine_environment(settings), check=False)
    if result.returncode != 0 or not target.exists():
        raise EngineSetupError(f"rasa train failed (exit {result.returncode}); its output is above")
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
