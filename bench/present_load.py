"""The dashboard and the indicator page under load, served as in production (gunicorn), on the medium demo.

Served as `lineofsight serve --production` serves: gunicorn sync workers (``--threads 1``), database
connections kept 60 s (docs/operations.md).

    scripts/ci_postgres.sh .venv/bin/python -m bench.present_load                 # PostgreSQL, 20 users, 2 minutes
    scripts/ci_postgres.sh .venv/bin/python -m bench.present_load --client locust  # the same, driven by locust
    .venv/bin/python -m bench.present_load --users 5 --seconds 20                  # SQLite, a quick look

Half the people are councillors (signed in), half the public; each reads the dashboard or the
AMT 2 page at random, back to back, with no think time. Reports p50 and p95 per page and every error.
The target (issue 5) is p95 under 300 ms with 20 users. ``--client locust`` runs the same people in
locust (``bench/locustfile.py``, headless, one process) instead of this module's threads.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.access_http import Visitor

PAGES = {"dashboard": "/performance/?org=DEMO", "indicator": "/performance/indicators/amt-2/?org=DEMO"}


def person(url, username, password, deadline, seed, latencies, errors, lock):
    visitor = Visitor(url)
    if username:
        visitor.sign_in(username, password)
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        kind = rng.choice(list(PAGES))
        try:
            reply = visitor.get(PAGES[kind])
        except Exception as error:  # noqa: BLE001 - counted, never raised in a thread
            with lock:
                errors.append(f"{kind}: {error}")
            continue
        with lock:
            latencies[kind].append(reply.seconds)
            if reply.status != 200:
                errors.append(f"{kind}: HTTP {reply.status}")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else (values[0] if values else 0.0)


def with_threads(url: str, users: int, seconds: float, password: str) -> tuple[float, dict, list[str]]:
    """(elapsed, {page: (requests, p50 s, p95 s)}, errors) with this module's own people, one thread each."""
    latencies = {kind: [] for kind in PAGES}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    people = [threading.Thread(target=person, args=(url, "councillor" if n % 2 else None, password, deadline, n, latencies, errors, lock))
              for n in range(users)]
    started = time.monotonic()
    for thread in people:
        thread.start()
    for thread in people:
        thread.join()
    pages = {kind: (len(values), statistics.median(values), p95(values)) for kind, values in latencies.items() if values}
    return time.monotonic() - started, pages, errors


def with_locust(url: str, users: int, seconds: float, password: str, work: Path) -> tuple[float, dict, list[str]]:
    """The same with locust, headless; its own percentiles (from ``--csv``) and failures."""
    root = Path(__file__).resolve().parent.parent
    environment = {**os.environ, "LINEOFSIGHT_BENCH_PASSWORD": password, "PYTHONPATH": str(root)}
    run = subprocess.run([sys.executable, "-m", "locust", "-f", str(root / "bench" / "locustfile.py"), "--headless", "--users", str(users),
                          "--spawn-rate", str(users), "--run-time", f"{int(seconds)}s", "--host", url, "--csv", str(work / "locust"),
                          "--only-summary", "--loglevel", "WARNING"], env=environment, check=False, capture_output=True, text=True)
    if not (work / "locust_stats.csv").exists():
        raise SystemExit(f"locust did not run:\n{run.stderr[-2000:]}")
    pages, errors = {}, []
    with open(work / "locust_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] in PAGES:
                pages[row["Name"]] = (int(row["Request Count"]), float(row["50%"]) / 1000, float(row["95%"]) / 1000)
    with open(work / "locust_failures.csv", newline="") as handle:
        errors = [f"{row['Name']}: {row['Error']} ({row['Occurrences']} times)" for row in csv.DictReader(handle)]
    return seconds, pages, errors  # locust's own run time, its start-up aside


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads a worker (1: sync workers, as `lineofsight serve --production`)")
    parser.add_argument("--client", choices=["threads", "locust"], default="threads", help="who reads: this module's threads, or locust")
    args = parser.parse_args()

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    django.setup()
    from lineofsight.accounts.demo import DEMO_PASSWORD
    from tests.reliability.conftest import AppServer

    with tempfile.TemporaryDirectory() as work:
        server = AppServer(Path(work), workers=args.workers, threads=args.threads)
        try:
            if args.client == "locust":
                elapsed, pages, errors = with_locust(server.url, args.users, args.seconds, DEMO_PASSWORD, Path(work))
            else:
                elapsed, pages, errors = with_threads(server.url, args.users, args.seconds, DEMO_PASSWORD)
        finally:
            server.stop()
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    total = sum(count for count, _, _ in pages.values())
    print(f"{args.users} users ({args.client}), {elapsed:.0f} s, gunicorn {args.workers} workers × {args.threads} threads, {database}: "
          f"{total} requests ({total / elapsed:.1f}/s), {len(errors)} errors")
    for kind, (count, median, slowest) in pages.items():
        print(f"  {kind:<10} n={count:>5}  p50 {median * 1000:6.0f} ms  p95 {slowest * 1000:6.0f} ms")
    for error in errors[:20]:
        print("  error:", error)
    return 1 if errors or not pages else 0


if __name__ == "__main__":
    sys.exit(main())
