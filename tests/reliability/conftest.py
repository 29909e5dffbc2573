"""Helpers for the reliability tests: subprocesses on throwaway data, snapshots to compare before and after."""

import os
import sys
from pathlib import Path

import pytest

PYTHON = sys.executable


def isolated_env(data_dir: Path, **extra) -> dict:
    """An environment whose Line of Sight keeps everything in ``data_dir`` (SQLite unless told otherwise)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINEOFSIGHT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env |= {"LINEOFSIGHT_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
            "DATABASE_URL": f"sqlite:///{data_dir / 'lineofsight.sqlite3'}", "PYTHONUNBUFFERED": "1"}
    return env | extra


def store_snapshot(store_path: Path, ignore_timestamps: bool = False) -> dict[str, tuple]:
    """Each table's row count and an order-free checksum of its rows.

    ``ignore_timestamps`` leaves out timestamp columns (when a batch was loaded), to compare a store
    with another that ran the same load at a different moment.
    """
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect(str(store_path), read_only=True)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        snapshot = {}
        for table in tables:
            columns = [name for name, kind in connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                if not (ignore_timestamps and kind.startswith("TIMESTAMP"))]
            row = "(" + ", ".join(f'"{c}"' for c in columns) + ")"
            snapshot[table] = connection.execute(f'SELECT count(*), coalesce(bit_xor(hash({row})), 0) FROM "{table}"').fetchone()
        return snapshot
    finally:
        connection.close()


@pytest.fixture(scope="session")
def synthetic_extracts(tmp_path_factory):
    """Two different small synthetic SSD extracts (seeds 1 and 2) of the same borough."""
    synth = pytest.importorskip("lineofsight.synth")
    from datetime import date

    root = tmp_path_factory.mktemp("synth")
    for seed in (1, 2):
        synth.generate("small", months=12, seed=seed, fmt="ssd", out=root / f"seed{seed}", end_month=date(2026, 9, 1))
    return root / "seed1", root / "seed2"

# `lineofsight ...` as installed, without relying on the venv's bin/ being on PATH.
LINEOFSIGHT = [PYTHON, "-c", "import sys; from lineofsight.cli import main; sys.argv[0] = 'lineofsight'; main()"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """The app under gunicorn on loopback, as in production but with development settings and demo users."""

    def __init__(self, data_dir: Path, workers: int = 2, threads: int = 4):
        import subprocess
        import time
        import urllib.request

        database_url = os.environ.get("DATABASE_URL", "")
        # Under scripts/ci_postgres.sh the server shares the throwaway PostgreSQL; otherwise a SQLite file.
        extra = {"DATABASE_URL": database_url} if database_url.startswith("postgres") else {}
        # Connections kept between requests, as docs/operations.md advises for gunicorn.
        self.env = isolated_env(data_dir, DJANGO_DEBUG="0", DJANGO_CONN_MAX_AGE="60", **extra)
        self.data_dir = data_dir
        self.run("demo")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(data_dir / "server.log", "w")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "lineofsight.config.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--threads", str(threads), "--timeout", "60"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2).read()
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("the server did not start: " + (data_dir / "server.log").read_text()[-2000:])
                time.sleep(0.2)

    def run(self, *args) -> str:
        import subprocess

        result = subprocess.run([*LINEOFSIGHT, *args], capture_output=True, text=True, env=self.env, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"lineofsight {' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result.stdout

    def python(self, code: str) -> str:
        """Run Django code against the server's database; returns what it prints."""
        import subprocess

        script = "import django; django.setup()\n" + code
        result = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, env=self.env, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return result.stdout.strip()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except Exception:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("server"))
    yield server
    server.stop()
