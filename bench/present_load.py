"""The dashboard and the indicator page under load, served as in production (gunicorn), on the medium demo.

Served as `lineofsight serve --production` serves: gunicorn sync workers (``--threads 1``), database
connections kept 60 s (docs/operations.md).

    scripts/ci_postgres.sh .venv/bin/python -m bench.present_load                 # PostgreSQL, 20 users, 2 minutes
    .venv/bin/python -m bench.present_load --users 5 --seconds 20                  # SQLite, a quick look

Half the people are councillors (signed in), half the public; each reads the dashboard or the
AMT 2 page at random, back to back, with no think time. Reports p50 and p95 per page and every error.
The target (issue 5) is p95 under 300 ms with 20 users.
"""

from __future__ import annotations

import argparse
import random
import statistics
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads a worker (1: sync workers, as `lineofsight serve --production`)")
    args = parser.parse_args()

    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    django.setup()
    from lineofsight.accounts.demo import DEMO_PASSWORD
    from tests.reliability.conftest import AppServer

    with tempfile.TemporaryDirectory() as work:
        server = AppServer(Path(work), workers=args.workers, threads=args.threads)
        try:
            latencies = {kind: [] for kind in PAGES}
            errors: list[str] = []
            lock = threading.Lock()
            deadline = time.monotonic() + args.seconds
            people = [threading.Thread(target=person, args=(server.url, "councillor" if n % 2 else None, DEMO_PASSWORD, deadline, n,
                                                            latencies, errors, lock)) for n in range(args.users)]
            started = time.monotonic()
            for thread in people:
                thread.start()
            for thread in people:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            server.stop()
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    total = sum(len(v) for v in latencies.values())
    print(f"{args.users} users, {elapsed:.0f} s, gunicorn {args.workers} workers × {args.threads} threads, {database}: {total} requests ({total / elapsed:.1f}/s), {len(errors)} errors")
    for kind, values in latencies.items():
        if values:
            print(f"  {kind:<10} n={len(values):>5}  p50 {statistics.median(values) * 1000:6.0f} ms  p95 {p95(values) * 1000:6.0f} ms")
    for error in errors[:20]:
        print("  error:", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
