"""A plan import killed part-way stores nothing: the plans already held are exactly as they were."""

import hashlib
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.reliability.conftest import LINEOFSIGHT, PYTHON, isolated_env

importing = pytest.importorskip("lineofsight.plan.importing", reason="the plan import (lineofsight.plan.importing) is not built yet")
TEMPLATE = Path(importing.__file__).with_name("demo_data") / "croydon-november-2017.csv"

# Imports a plan, killing itself (SIGKILL: no clean-up runs) when the 20th action has been written.
CRASHING_IMPORT = """
import os, signal, sys
import django
django.setup()
from django.db.models.signals import post_save
from lineofsight.plan.importing import import_plan
from lineofsight.plan.models import Action
saved = []
def die_mid_way(sender, **kwargs):
    saved.append(1)
    if len(saved) == 20:
        os.kill(os.getpid(), signal.SIGKILL)
post_save.connect(die_mid_way, sender=Action)
import_plan(sys.argv[1], sys.argv[2], make_current=True)
print("finished without crashing")
"""


def snapshot(database: Path) -> dict[str, tuple[int, str]]:
    with sqlite3.connect(database) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'plan_%' ORDER BY 1")]
        result = {}
        for table in tables:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"'))
            result[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return result


def run(env, *args):
    result = subprocess.run([*LINEOFSIGHT, *args], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.skipif(not TEMPLATE.exists(), reason="the demo plan template is not there")
def test_a_plan_import_killed_part_way_leaves_the_stored_plans_as_before(tmp_path):
    env = isolated_env(tmp_path)
    database = tmp_path / "lineofsight.sqlite3"
    run(env, "manage", "migrate", "--verbosity", "0")
    run(env, "import-plan", str(TEMPLATE), "--name", "November 2017")
    before = snapshot(database)
    assert before["plan_action"][0] > 20, "the template should hold more than 20 actions, so the crash is mid-way"

    crashed = subprocess.run([PYTHON, "-c", CRASHING_IMPORT, str(TEMPLATE), "Refresh 2018"], capture_output=True, text=True, env=env, timeout=180)

    assert crashed.returncode == -signal.SIGKILL, f"the import was meant to die mid-way: {crashed.stdout}{crashed.stderr}"
    assert snapshot(database) == before
    run(env, "import-plan", str(TEMPLATE), "--name", "Refresh 2018")  # and the same import then succeeds whole
    assert snapshot(database)["plan_action"][0] == 2 * before["plan_action"][0]
