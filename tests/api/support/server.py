"""Starting, watching and stopping real `motogestor` processes.

Everything here talks to the binary only through its command line, its
environment and HTTP; nothing knows the server's internals.
"""
from __future__ import annotations

import atexit
import itertools
import os
import shutil
import signal
import socket
import subprocess
import time
from collections import deque
from pathlib import Path
from typing import Iterable, Mapping, Optional

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS_ROOT = REPO_ROOT / "tests" / "artifacts" / "api"
DEFAULT_BINARY = REPO_ROOT / "build" / "release" / "server" / "motogestor"

# The secret every test server signs with; tests use it to forge tokens.
JWT_SECRET = "mg-api-test-secret-do-not-use-0123456789"
assert len(JWT_SECRET) == 40

HOST = "127.0.0.1"
HEALTH_TIMEOUT = 20.0

# Variables the server reads: never inherit them from the caller's shell, so a
# developer's DATABASE_URL or APP_ENV=production cannot leak into a test run.
_SERVER_VARS = {
    "DATABASE_URL", "JWT_SECRET_KEY", "APP_ENV", "LOG_LEVEL", "REDIS_URL",
    "FRONTEND_DIST_PATH", "OTEL_EXPORTER_OTLP_ENDPOINT",
    "LOGIN_MAX_FAILURES_PER_ACCOUNT", "LOGIN_MAX_FAILURES_PER_ADDRESS",
    "LOGIN_LOCKOUT_SECONDS", "ACCESS_TOKEN_TTL_SECONDS", "SHUTDOWN_GRACE_SECONDS",
    "MAX_BODY_BYTES", "LOGIN_HARD_LOCK_AFTER", "REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR", "MAX_SESSIONS_PER_USER",
    "MAX_CONNECTIONS", "MAX_CONNECTIONS_PER_ADDRESS", "HEAVY_THREADS", "HEAVY_QUEUE",
    "SLOW_QUERY_MS", "CORS_ALLOWED_ORIGINS", "TIME_ZONE", "ASYNC_READERS", "PUBLIC_BASE_URL",
    "MESSAGING_SECRET_KEY", "MESSAGING_DAILY_CAP", "MESSAGING_RELAY_INTERVAL_MS",
    "MESSAGING_MAX_ATTEMPTS", "MESSAGING_RETRY_BASE_MS", "MESSAGING_LEASE_SECONDS",
    "MESSAGING_HTTP_TIMEOUT_MS", "MESSAGING_REMINDER_SWEEP_SECONDS",
    "MESSAGING_REMINDER_FROM_HOUR", "MESSAGING_REMINDER_UNTIL_HOUR",
}

# The messaging credentials' key of every test server (64 hex digits).
MESSAGING_SECRET_KEY = "5f" * 32

_KEEP_RUN_DIRS = 10
_counter = itertools.count(1)
_run_dir: Optional[Path] = None

# Every server started in this pytest process, in order (for log tails and cleanup).
REGISTRY: list["Server"] = []


# --------------------------------------------------------------------------- paths

def binary_path() -> Path:
    return Path(os.environ.get("MOTOGESTOR_BIN") or DEFAULT_BINARY)


def require_binary() -> Path:
    path = binary_path()
    if not path.is_file():
        pytest.fail(
            f"server binary not found at {path}. Build it (release preset) or set "
            f"MOTOGESTOR_BIN to its path.", pytrace=False)
    if not os.access(path, os.X_OK):
        pytest.fail(f"server binary {path} is not executable", pytrace=False)
    return path


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(
            f"{name} is not set. Run the suite through the database wrapper:\n"
            f"  scripts/with-test-db.sh /usr/bin/python3 -m pytest tests/api -q",
            pytrace=False)
    return value


def run_dir() -> Path:
    """This run's artifact directory: tests/artifacts/api/<stamp>-<pid>/ (older runs pruned)."""
    global _run_dir
    if _run_dir is None:
        ARTIFACTS_ROOT.mkdir(parents=True, exist_ok=True)
        old = sorted((p for p in ARTIFACTS_ROOT.iterdir() if p.is_dir() and p.name[:1].isdigit()),
                     key=lambda p: p.name)
        for stale in old[:-(_KEEP_RUN_DIRS - 1)] if len(old) >= _KEEP_RUN_DIRS else []:
            shutil.rmtree(stale, ignore_errors=True)
        _run_dir = ARTIFACTS_ROOT / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        _run_dir.mkdir(parents=True, exist_ok=True)
    return _run_dir


def tail_of(path: Path, lines: int = 60) -> str:
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as fh:
            return "".join(deque(fh, maxlen=lines))
    except OSError as exc:  # pragma: no cover - diagnostics only
        return f"<cannot read {path}: {exc}>"


# --------------------------------------------------------------------------- env

def server_env(overrides: Optional[Mapping[str, Optional[str]]] = None) -> dict[str, str]:
    """A clean environment for the binary: the caller's, minus the server's own
    variables, plus the test defaults, plus `overrides` (value None removes)."""
    env = {k: v for k, v in os.environ.items()
           if k not in _SERVER_VARS and not k.endswith("_SERVICE_URL")}
    # The suite registers hundreds of workshops from 127.0.0.1: no registration
    # limit unless a test sets one.
    # No messaging relay unless a test asks for one (tests/api/test_messaging_*.py): the
    # relays of several servers on one database would all deliver its messages.
    env.update({"JWT_SECRET_KEY": JWT_SECRET, "APP_ENV": "test", "LOG_LEVEL": "info",
                "REGISTRATION_LIMIT_PER_ADDRESS_PER_HOUR": "0",
                "MESSAGING_SECRET_KEY": MESSAGING_SECRET_KEY, "MESSAGING_RELAY_INTERVAL_MS": "0"})
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- migrate

def migrate_up(database_url: str) -> None:
    binary = require_binary()
    log_path = run_dir() / "migrate-up.log"
    cmd = [str(binary), "migrate", "up", "--database-url", database_url]
    with open(log_path, "wb") as log:
        try:
            proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  env=server_env(), cwd=REPO_ROOT, timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail(f"`motogestor migrate up` did not finish in 120 s; log {log_path}:\n"
                        f"{tail_of(log_path)}", pytrace=False)
    if proc.returncode != 0:
        pytest.fail(f"`motogestor migrate up` exited {proc.returncode}; log {log_path}:\n"
                    f"{tail_of(log_path)}", pytrace=False)


# --------------------------------------------------------------------------- server

class Server:
    def __init__(self, name: str, proc: subprocess.Popen, host: str, port: int,
                 log_path: Path, log_file, env: dict[str, str], cmd: list[str], main: bool):
        self.name = name
        self.proc = proc
        self.host = host
        self.port = port
        self.log_path = log_path
        self._log_file = log_file
        self.env = env
        self.cmd = cmd
        self.main = main
        self.stopped_with: Optional[int] = None

    def __repr__(self) -> str:
        return f"<Server {self.name} pid={self.proc.pid} {self.url}>"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self, lines: int = 60) -> str:
        try:
            self._log_file.flush()
        except (OSError, ValueError):
            pass
        return tail_of(self.log_path, lines)

    def describe(self, lines: int = 60) -> str:
        state = "running" if self.alive() else f"exited with {self.proc.returncode}"
        return (f"server {self.name!r} ({state}); command: {' '.join(self.cmd)}\n"
                f"log {self.log_path} (last {lines} lines):\n{self.log_tail(lines)}")

    def client(self, *, source_address: Optional[str] = None, timeout: float = 15.0) -> httpx.Client:
        """An httpx client for this server, optionally bound to a local source
        address (any 127.x.y.z works on Linux), so that per-address server state
        such as login throttling is private to the caller."""
        # Idle pooled connections are dropped after 1 s, so a test never reuses
        # one the server may be closing (its keep-alive timeout is its business).
        limits = httpx.Limits(keepalive_expiry=1.0)
        transport = httpx.HTTPTransport(local_address=source_address, limits=limits) if source_address else None
        return httpx.Client(base_url=self.url, timeout=timeout, transport=transport, limits=limits)

    def wait_healthy(self, timeout: float = HEALTH_TIMEOUT) -> str:
        """'ok' once GET /health answers 200, 'exited' if the process ended, else 'timeout'."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=1.0) as probe:
            while time.monotonic() < deadline:
                if not self.alive():
                    return "exited"
                try:
                    if probe.get(self.url + "/health").status_code == 200:
                        return "ok"
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        return "timeout"

    def wait_exit(self, timeout: float) -> Optional[int]:
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def signal(self, sig: int = signal.SIGTERM) -> None:
        if self.alive():
            self.proc.send_signal(sig)

    def stop(self, timeout: float = 20.0) -> Optional[int]:
        """SIGTERM, wait; SIGKILL (this process only) if it will not go. Returns the exit code."""
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.stopped_with = self.proc.returncode
        try:
            self._log_file.close()
        except OSError:
            pass
        return self.proc.returncode


def start_server(name: str, *, env: Optional[Mapping[str, Optional[str]]] = None,
                 args: Iterable[str] = (), database_url: Optional[str] = None,
                 wait: bool = True, timeout: float = HEALTH_TIMEOUT, main: bool = False,
                 launcher: Iterable[str] = ()) -> Server:
    """Start `motogestor serve` on a free loopback port.

    With wait=True, returns once GET /health is 200 and fails the test (with the
    log tail) if that does not happen within `timeout`. With wait=False, returns
    at once (for processes expected to refuse to start). `launcher` runs the binary
    through a command (e.g. ["prlimit", "--nofile=256:256"])."""
    binary = require_binary()
    db_url = database_url or require_env("TEST_DATABASE_URL")
    full_env = server_env(env)
    extra = list(args)
    last_error, outcome = "", "timeout"
    for attempt in range(3):
        port = free_port()
        log_path = run_dir() / f"{next(_counter):02d}-{name}.log"
        cmd = [*launcher, str(binary), "serve", "--host", HOST, "--port", str(port),
               "--database-url", db_url, *extra]
        log_file = open(log_path, "wb")
        proc = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=full_env, cwd=REPO_ROOT)
        server = Server(name, proc, HOST, port, log_path, log_file, full_env, cmd, main)
        REGISTRY.append(server)
        if not wait:
            return server
        outcome = server.wait_healthy(timeout)
        if outcome == "ok":
            return server
        last_error = server.describe()
        server.stop(timeout=5)
        # Another process grabbed the port between free_port() and bind: try again.
        if outcome == "exited" and "in use" in server.log_tail(20).lower():
            continue
        break
    verb = ("exited before answering" if outcome == "exited"
            else f"did not answer within {timeout:.0f} s on")
    pytest.fail(f"server {name!r} {verb} GET /health.\n{last_error}", pytrace=False)


def stop_all() -> None:
    for server in REGISTRY:
        if server.alive():
            try:
                server.stop(timeout=5)
            except Exception:  # pragma: no cover - last-resort cleanup
                pass


atexit.register(stop_all)
