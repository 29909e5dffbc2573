"""The pandas baseline must compute what the engine computes, or the speed ratio compares different work."""

import shutil
from datetime import date

import pandas as pd
import pytest

from bench.indicators_pandas import BASELINE_REFS, compute_all, disagreements, read_tables
from lineofsight.indicators import definition, engine
from lineofsight.indicators.staging import create_staging
from lineofsight.store import open_store
from lineofsight.store.loading import load_path
from lineofsight.synth import generate

FIRST, LAST = date(2025, 9, 1), date(2026, 10, 1)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """Two councils whose identifiers collide, as England's do: the second's referrals are all one child's, so
    nearly all are re-referrals there, while the same referral ids in the first council mostly are not."""
    folder = tmp_path_factory.mktemp("baseline")
    store = folder / "store.duckdb"
    generate("small", 14, 1, "ssd", folder / "AAA", end_month=LAST)
    shutil.copytree(folder / "AAA", folder / "BBB")
    referrals = pd.read_csv(folder / "BBB" / "ssd_cin_episodes.csv", dtype=str, keep_default_na=False)
    referrals["cine_person_id"] = referrals["cine_person_id"].iloc[0]
    referrals.to_csv(folder / "BBB" / "ssd_cin_episodes.csv", index=False)
    for org in ("AAA", "BBB"):
        load_path(folder / org, org, store_path=store)
    connection = open_store(store, read_only=True)
    create_staging(connection, None)
    found = engine.compute_arrays(connection, FIRST, LAST, chosen=[definition(ref) for ref in BASELINE_REFS])
    connection.close()
    return found, compute_all(read_tables(store), FIRST, LAST)


def test_baseline_gives_the_engines_rows_for_every_definition(both):
    engine_found, baseline_found = both
    assert all(len(engine_found[ref]["month"]) for ref in BASELINE_REFS)
    assert disagreements(engine_found, baseline_found) == []


def test_disagreement_names_the_definition_and_row(both):
    engine_found, baseline_found = both
    changed = {ref: frame.copy() for ref, frame in baseline_found.items()}
    changed["LAC 11"].loc[changed["LAC 11"].index[0], "numerator"] += 1
    found = disagreements(engine_found, changed)
    assert len(found) == 1 and found[0].startswith("LAC 11 AAA ")
