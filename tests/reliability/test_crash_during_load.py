"""A case-data load killed part-way leaves the case store exactly as it was."""

import signal
import subprocess
import time

import pytest

from tests.reliability.conftest import LINEOFSIGHT, PYTHON, isolated_env, store_snapshot

pytest.importorskip("lineofsight.store.loading", reason="case-data loading (lineofsight.store.loading) is not built yet")

# Loads for one organisation, killing itself (SIGKILL: no clean-up runs) at the first progress report of a stage.
CRASHING_LOAD = """
import os, signal, sys
from lineofsight.store.loading import load_path
source, store, stage = sys.argv[1:4]
def progress(name, done, total):
    if name == stage and done > 0:
        os.kill(os.getpid(), signal.SIGKILL)
load_path(source, "AAA", store_path=store, progress=progress)
print("finished without crashing")
"""


def load(source, store, env):
    result = subprocess.run([*LINEOFSIGHT, "load", str(source), "--org", "AAA", "--store", str(store)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def loaded_store(tmp_path, synthetic_extracts):
    first, _ = synthetic_extracts
    store = tmp_path / "casestore.duckdb"
    env = isolated_env(tmp_path)
    load(first, store, env)
    return store, env


@pytest.mark.parametrize("stage", ["checking", "storing"])
def test_a_load_killed_part_way_leaves_the_store_as_before(loaded_store, synthetic_extracts, stage):
    store, env = loaded_store
    _, second = synthetic_extracts
    before = store_snapshot(store)

    crashed = subprocess.run([PYTHON, "-c", CRASHING_LOAD, str(second), str(store), stage],
                             capture_output=True, text=True, env=env, timeout=120)

    assert crashed.returncode == -signal.SIGKILL, f"the load was meant to die mid-way: {crashed.stdout}{crashed.stderr}"
    assert store_snapshot(store) == before
    load(second, store, env)  # and the store still takes the next load
    assert store_snapshot(store) != before


def test_the_load_command_killed_at_any_moment_leaves_the_store_before_or_after_never_between(loaded_store, synthetic_extracts, tmp_path):
    store, env = loaded_store
    _, second = synthetic_extracts
    before = store_snapshot(store, ignore_timestamps=True)
    reference = tmp_path / "reference.duckdb"
    import shutil

    shutil.copyfile(store, reference)
    load(second, reference, env)
    after = store_snapshot(reference, ignore_timestamps=True)

    for delay in (0.6, 0.9, 1.2):  # python start-up takes most of the first half second
        process = subprocess.Popen([*LINEOFSIGHT, "load", str(second), "--org", "AAA", "--store", str(store)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(delay)
        process.kill()
        process.wait(timeout=30)
        state = store_snapshot(store, ignore_timestamps=True)
        assert state in (before, after), f"killed after {delay}s, the store holds a half-finished load"
        if state == after:
            break
