"""Concurrent people reading and writing while case data loads: no errors, no lost writes, p95 reported.

Short and bounded here (8 people, ~20 s); ``python -m bench.access_load`` runs 50 people for 5 minutes.
"""

import subprocess
import time

import pytest

from bench import access_load
from tests.reliability.conftest import LINEOFSIGHT

pytest.importorskip("lineofsight.performance.pages.views", reason="the performance pages are not built yet")
pytest.importorskip("lineofsight.store.loading", reason="case-data loading is not built yet")


def test_readers_and_writers_during_a_case_data_load_see_no_errors_and_lose_no_writes(app_server, synthetic_extracts, record_property):
    from lineofsight.accounts.demo import DEMO_PASSWORD

    app_server.python(access_load.SEED_VALUES)
    first, _ = synthetic_extracts
    run_id = f"suite-{time.time_ns()}"
    # given a case-data load running alongside
    load = subprocess.Popen([*LINEOFSIGHT, "load", str(first), "--org", access_load.ORG], env=app_server.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # when eight people read and write for 20 seconds
        result = access_load.run(app_server.url, users=8, seconds=20, password=DEMO_PASSWORD, run_id=run_id)
    finally:
        load_errors = load.communicate(timeout=120)[1]
    print(result.summary())
    record_property("p95_ms", round(result.p95() * 1000))
    # then nothing failed, the load finished, and every acknowledged write is stored, no more and no fewer
    assert not result.errors, result.errors[:10]
    assert load.returncode == 0, load_errors
    assert result.writes_acknowledged > 0
    assert int(app_server.python(access_load.count_markers(run_id))) == result.writes_acknowledged
    assert result.p95() < 5.0, result.summary()
