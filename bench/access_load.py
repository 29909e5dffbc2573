"""Load on loopback: people reading dashboards and writing commentary while case data loads.

    python -m bench.access_load                 # 50 users for 5 minutes, own server and data
    python -m bench.access_load --users 10 --seconds 20

Each virtual person signs in through the real form and keeps their own session. Reads and writes
are mixed at random; every commentary write carries a unique marker, so afterwards the database is
counted against the writes the server acknowledged: none may be lost, none invented. Any 5xx, any
status a page should not give, and any failed case-data load is an error.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from bench.access_http import Visitor

ORG = "LOAD"
REF = "AMT 2"
SLUG = "amt-2"
MONTH = "2026-09-01"
# (what, weight, roles that do it)
MIX = [("dashboard", 55), ("indicator", 20), ("plan", 10), ("commentary", 15)]
READERS = [("councillor", "councillor"), ("manager", "service_manager"), (None, "public")]
WRITERS = [("analyst", "performance_analyst"), ("admin", "administrator")]

SEED_VALUES = f"""
from datetime import date
from lineofsight.performance.models import IndicatorValue, Organisation, PublishedMonth
org, _ = Organisation.objects.get_or_create(code={ORG!r}, defaults={{"name": "Load Borough", "is_synthetic": True}})
months = [date(2026, m, 1) for m in (7, 8, 9)]
for m in months:
    IndicatorValue.objects.get_or_create(organisation=org, indicator_ref={REF!r}, month=m, breakdown="service",
        defaults={{"numerator": 12, "denominator": 20, "value": 60.0}})
    PublishedMonth.objects.get_or_create(organisation=org, month=m, version=1)
"""


def count_markers(run_id: str) -> str:
    return (f"from lineofsight.performance.models import Commentary; "
            f"print(Commentary.objects.filter(improvement_activity__startswith={run_id!r}).count())")


@dataclass
class Result:
    seconds: float
    requests: int = 0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    writes_acknowledged: int = 0

    def p95(self, kind: str | None = None) -> float:
        values = self.latencies.get(kind, []) if kind else [v for vs in self.latencies.values() for v in vs]
        if len(values) < 2:
            return values[0] if values else 0.0
        return statistics.quantiles(values, n=20)[-1]

    def summary(self) -> str:
        lines = [f"{self.requests} requests in {self.seconds:.1f}s ({self.requests / self.seconds:.1f}/s), "
                 f"p95 {self.p95() * 1000:.0f} ms, {len(self.errors)} errors, {self.writes_acknowledged} writes acknowledged"]
        for kind, values in sorted(self.latencies.items()):
            lines.append(f"  {kind:<11} n={len(values):>5}  median {statistics.median(values) * 1000:6.0f} ms  p95 {self.p95(kind) * 1000:6.0f} ms")
        return "\n".join(lines)


def _person(base_url, username, password, run_id, n, deadline, result, lock, rng):
    visitor = Visitor(base_url)
    try:
        if username:
            visitor.sign_in(username, password)
    except Exception as error:  # noqa: BLE001 - every failure is counted, not raised in a thread
        with lock:
            result.errors.append(f"person {n}: {error}")
        return
    writer = username in {w for w, _ in WRITERS}
    kinds, weights = zip(*[(k, w) for k, w in MIX if writer or k != "commentary"])
    written = 0
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        try:
            if kind == "dashboard":
                reply, ok = visitor.get(f"/performance/?org={ORG}"), {200}
            elif kind == "indicator":
                reply, ok = visitor.get(f"/performance/indicators/{SLUG}/?org={ORG}"), {200}
            elif kind == "plan":
                reply, ok = visitor.get("/plan/"), {200}
            else:
                written += 1
                reply = visitor.post(f"/performance/indicators/{SLUG}/?org={ORG}", {
                    "form": "commentary", "commentary-month": MONTH,
                    "commentary-improvement_activity": f"{run_id} person {n} write {written}",
                    "commentary-next_steps": "Keep going",
                })
                ok = {302}
        except Exception as error:  # noqa: BLE001
            with lock:
                result.errors.append(f"{kind}: {error}")
            continue
        with lock:
            result.requests += 1
            result.statuses[reply.status] += 1
            result.latencies.setdefault(kind, []).append(reply.seconds)
            if reply.status not in ok:
                result.errors.append(f"{kind}: HTTP {reply.status}")
            elif kind == "commentary":
                result.writes_acknowledged += 1


def run(base_url: str, *, users: int, seconds: float, password: str, run_id: str, seed: int = 1) -> Result:
    """Drive ``users`` people for ``seconds``; a third of them write commentary."""
    people = []
    for n in range(users):
        username, _role = (WRITERS[n % len(WRITERS)] if n % 3 == 0 else READERS[n % len(READERS)])
        people.append((username, n))
    result = Result(seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=_person, args=(base_url, u, password, run_id, n, deadline, result, lock, random.Random(seed + n)))
               for u, n in people]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.monotonic() - started
    return result


def main() -> None:
    import argparse
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    django.setup()  # only to read the demo users' password
    from lineofsight.accounts.demo import DEMO_PASSWORD
    from lineofsight.synth import generate
    from tests.reliability.conftest import LINEOFSIGHT, AppServer

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        (work / "server").mkdir()
        server = AppServer(work / "server", workers=args.workers)
        try:
            server.python(SEED_VALUES)
            generate("small", months=12, seed=1, fmt="ssd", out=work / "extract")
            load = subprocess.Popen([*LINEOFSIGHT, "load", str(work / "extract"), "--org", ORG], env=server.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            run_id = f"bench-{int(time.time())}"
            result = run(server.url, users=args.users, seconds=args.seconds, password=DEMO_PASSWORD, run_id=run_id)
            load_status = load.wait()
            stored = int(server.python(count_markers(run_id)))
        finally:
            server.stop()
    print(result.summary())
    print(f"case-data load during the run: exit {load_status}")
    print(f"writes: {result.writes_acknowledged} acknowledged, {stored} stored")
    for error in result.errors[:20]:
        print("  error:", error)
    sys.exit(0 if not result.errors and stored == result.writes_acknowledged and load_status == 0 else 1)


if __name__ == "__main__":
    main()
