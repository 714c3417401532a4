"""Private service processes for the fault tests: PostgreSQL, Redis, gunicorn, Celery.

Everything binds to 127.0.0.1 on a free port, lives in its own temporary directory and
process group, and is stopped by the fixture that started it (``stop()`` is idempotent and
falls back to SIGKILL). Nothing here touches the shared PostgreSQL or Redis.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from glob import glob
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# Everything started here, so that an interrupted run (SIGTERM from `timeout`, Ctrl-C)
# still stops it: fixtures stop their own processes, and this is the last safety net.
_STARTED: list = []


def stop_everything():
    for thing in reversed(_STARTED):
        with contextlib.suppress(Exception):
            if hasattr(thing, "destroy"):
                thing.destroy()
            else:
                thing.stop(timeout=5)


atexit.register(stop_everything)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    """Call ``check`` until it returns a truthy value; raise TimeoutError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = check()
        except Exception as error:  # not ready yet
            last_error = error
        else:
            if value:
                return value
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached within {timeout:.0f} s (last error: {last_error!r})")


def children_of(pid: int) -> list[int]:
    """Direct child processes of ``pid`` (from /proc)."""
    found = []
    for stat in glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.split("/")[2]))
    return sorted(found)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class ManagedProcess:
    """A child process in its own session (so its whole group can be signalled)."""

    name = "process"

    def __init__(self):
        self.process: subprocess.Popen | None = None
        self.log_path: Path | None = None

    def _spawn(self, args, *, env=None, cwd=ROOT, log_path: Path):
        self.log_path = log_path
        if self not in _STARTED:
            _STARTED.append(self)
        log = open(log_path, "ab")  # noqa: SIM115 - the child owns it for its lifetime
        try:
            self.process = subprocess.Popen(
                args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        finally:
            log.close()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 10):
        """SIGTERM the process group, SIGKILL it after ``timeout`` seconds."""
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        with contextlib.suppress(ProcessLookupError):  # stragglers of the group
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)

    def kill(self):
        """SIGKILL the whole process group at once (a crash, not a shutdown)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_bin(name: str) -> str:
    candidates = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if candidates:
        return candidates[-1]
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed")
    return found


class PostgresCluster:
    """A throw-away PostgreSQL cluster owned by the ``postgres`` OS user (it refuses root)."""

    def __init__(self, *, port: int | None = None):
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="qd-faults-pg-"))
        self.data = self.dir / "data"
        self.log_path = self.dir / "server.log"
        self._owner = pwd.getpwnam("postgres")
        os.chown(self.dir, self._owner.pw_uid, self._owner.pw_gid)
        self.started = False
        _STARTED.append(self)

    def _as_postgres(self, *args, timeout: float = 60, check: bool = True):
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=check, cwd=self.dir
        )

    def init(self):
        self._as_postgres(
            _pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        return self

    def start(self, timeout: float = 30):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} "
            "-c max_connections=60 -c shared_buffers=32MB -c log_min_messages=warning"
        )
        self._as_postgres(
            _pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log_path), "-o", options,
            "-w", "-t", str(int(timeout)), "start",
            timeout=timeout + 5,
        )  # fmt: skip
        self.started = True
        wait_until(self._answers, timeout=timeout, what="private PostgreSQL accepting connections")
        return self

    def stop(self, mode: str = "fast", timeout: float = 30):
        """Stop the server (``immediate`` is a crash: no checkpoint, recovery on next start)."""
        if not self.data.exists():
            return
        result = self._as_postgres(
            _pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", str(int(timeout)),
            "stop",
            timeout=timeout + 5, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            self._kill_postmaster()
        self.started = False

    def restart(self, mode: str = "immediate", *, down_for: float = 0.0) -> float:
        """Stop and start again; returns the seconds the server was unavailable."""
        began = time.monotonic()
        self.stop(mode=mode)
        if down_for:
            time.sleep(down_for)
        self.start()
        return time.monotonic() - began

    def _kill_postmaster(self):
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():
            with contextlib.suppress(ValueError, ProcessLookupError, OSError):
                pid = int(pid_file.read_text().splitlines()[0])
                # Only our own postmaster: its data directory is our temporary one.
                if Path(f"/proc/{pid}/cwd").resolve() == self.data.resolve():
                    os.kill(pid, signal.SIGKILL)

    def _answers(self) -> bool:
        with psycopg.connect(self.url("postgres"), connect_timeout=2) as conn:
            conn.execute("SELECT 1")
        return True

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str, **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.url(database), connect_timeout=5, autocommit=True, **kwargs)

    def create_database(self, name: str, *, template: str | None = None):
        with self.connect("postgres") as conn:
            sql = f'CREATE DATABASE "{name}"'
            if template:
                sql += f' TEMPLATE "{template}"'
            conn.execute(sql)

    def destroy(self):
        """Stop the server (if needed) and delete the cluster's files."""
        with contextlib.suppress(Exception):
            self.stop(mode="immediate")
        self._kill_postmaster()
        shutil.rmtree(self.dir, ignore_errors=True)


# --- Redis --------------------------------------------------------------------------------


class RedisServer(ManagedProcess):
    """A private redis-server without persistence (a restart loses everything queued)."""

    name = "redis"

    def __init__(self, *, port: int | None = None):
        super().__init__()
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="qd-faults-redis-"))

    def start(self, timeout: float = 15):
        self._spawn(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.dir),
            ],
            log_path=self.dir / "redis.log",
        )  # fmt: skip
        wait_until(self.ping, timeout=timeout, what="private Redis answering")
        return self

    def ping(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def restart(self, *, down_for: float = 0.0) -> float:
        began = time.monotonic()
        self.kill()
        if down_for:
            time.sleep(down_for)
        self.start()
        return time.monotonic() - began

    def destroy(self):
        self.stop(timeout=5)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- Django processes --------------------------------------------------------------------


# Not secret: encrypts only the fault tests' throw-away data.
FAULT_TESTS_ENCRYPTION_KEY = "30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ="


def django_env(*, database_url: str, broker_url: str, cache_url: str | None = None, **extra):
    """Environment for a platform process (gunicorn, Celery, manage.py) on private services.

    Production settings, as deployed, with HTTPS redirects off (there is no proxy here).
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CELERY_", "QD_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.settings",
        SECRET_KEY="fault-tests-" + "x" * 50,
        QD_ENCRYPTION_KEYS=FAULT_TESTS_ENCRYPTION_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="60",
        CELERY_BROKER_URL=broker_url,
        CELERY_RESULT_BACKEND=broker_url,
        CACHE_URL=cache_url or broker_url,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_FORMAT="json",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(*args, env: dict, timeout: float = 300) -> str:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result.stdout


class Gunicorn(ManagedProcess):
    """gunicorn serving the platform with ``workers`` sync workers on a free port."""

    name = "gunicorn"

    def __init__(self, *, env: dict, workers: int = 2, port: int | None = None, log_dir: Path):
        super().__init__()
        self.env = env
        self.workers = workers
        self.port = port or free_port()
        self.log_dir = log_dir

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60):
        self._spawn(
            [
                PYTHON, "-m", "gunicorn", "lms.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                "--timeout", "30", "--graceful-timeout", "5", "--access-logfile", "-",
            ],
            env=self.env,
            log_path=self.log_dir / f"gunicorn-{self.port}.log",
        )  # fmt: skip
        try:
            wait_until(self._ready, timeout=timeout, interval=0.25, what="gunicorn ready")
        except TimeoutError:
            raise TimeoutError(f"gunicorn did not start:\n{self.log_tail()}") from None
        return self

    def _ready(self) -> bool:
        if not self.running():
            raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
        response = requests.get(f"{self.url}/healthz", timeout=3)
        return response.status_code in (200, 503) and len(self.worker_pids()) >= self.workers

    def worker_pids(self) -> list[int]:
        return [pid for pid in children_of(self.pid) if _alive(pid)]

    def kill_worker(self, pid: int | None = None) -> int:
        """SIGKILL one worker (the first, or ``pid``); the master forks a replacement."""
        pids = self.worker_pids()
        victim = pid if pid is not None else pids[0]
        assert victim in pids, f"{victim} is not a worker of this gunicorn"
        os.kill(victim, signal.SIGKILL)
        return victim


class CeleryWorker(ManagedProcess):
    """A Celery worker (solo pool, so SIGKILL of its process kills the running task)."""

    name = "celery"

    def __init__(self, *, env: dict, log_dir: Path, queues: str | None = None, beat=False):
        super().__init__()
        self.env = env
        self.log_dir = log_dir
        self.queues = queues
        self.beat = beat
        self.node = f"faults-{os.getpid()}-{free_port()}@127.0.0.1"

    def start(self, timeout: float = 60):
        args = [
            PYTHON, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "--concurrency=1",
            "--loglevel=INFO", "--without-gossip", "--without-mingle", "-n", self.node,
        ]  # fmt: skip
        if self.queues:
            args += ["-Q", self.queues]
        if self.beat:  # embedded beat for the periodic sweeps, its state in the log folder
            args += ["-B", "--schedule", str(self.log_dir / f"beat-{time.time_ns()}")]
        self._spawn(args, env=self.env, log_path=self.log_dir / f"celery-{time.time_ns()}.log")
        try:
            wait_until(self._ready, timeout=timeout, interval=0.25, what="Celery worker ready")
        except TimeoutError:
            raise TimeoutError(f"Celery worker did not start:\n{self.log_tail()}") from None
        return self

    def _ready(self) -> bool:
        if not self.running():
            raise RuntimeError(f"Celery worker exited:\n{self.log_tail()}")
        return "ready." in (self.log_path.read_text(errors="replace") if self.log_path else "")
