"""Returns for overlapping periods keep one version of each record; a second format for the same children is refused."""

import shutil
from datetime import date

import pandas as pd
import pytest

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import open_store
from lineofsight.store.loading import LoadRefused, load_path
from lineofsight.synth import generate
from lineofsight.synth.borough import build

END = date(2025, 3, 1)


@pytest.fixture(scope="module")
def returns(tmp_path_factory):
    """Two CIN census years of one synthetic borough, each in its own folder, both together, and its SSD extract."""
    root = tmp_path_factory.mktemp("returns")
    generate("small", months=24, seed=5, fmt="cin", out=root / "cin", end_month=END)
    generate("small", months=24, seed=5, fmt="ssd", out=root / "ssd", end_month=END)
    folders = {"ssd": root / "ssd", "both": root / "both"}
    folders["both"].mkdir()
    for year in ("2024", "2025"):
        folders[year] = root / year
        folders[year].mkdir()
        for target in (folders[year], folders["both"]):
            shutil.copy(root / "cin" / f"CIN_Census_{year}.xml", target)
    return folders


def _stored(store) -> dict[str, int]:
    connection = open_store(store, read_only=True)
    try:
        return {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}
    finally:
        connection.close()


def _batch_rows(store) -> int:
    connection = open_store(store, read_only=True)
    try:
        return connection.execute("SELECT sum(row_count) FROM load_batches").fetchone()[0]
    finally:
        connection.close()


def test_a_referral_open_across_two_census_years_is_stored_once(returns, tmp_path):
    together, apart = tmp_path / "together.duckdb", tmp_path / "apart.duckdb"
    load_path(returns["both"], "DEMO", store_path=together)
    load_path(returns["2024"], "DEMO", store_path=apart)
    later = load_path(returns["2025"], "DEMO", store_path=apart)
    assert _stored(apart) == _stored(together)
    assert any(problem.code == "load.superseded" and problem.field == "ssd_cin_episodes" for problem in later.problems)
    assert _batch_rows(apart) == sum(_stored(apart).values())


def test_an_earlier_year_loaded_last_does_not_replace_the_later_version(returns, tmp_path):
    together, backwards = tmp_path / "together.duckdb", tmp_path / "backwards.duckdb"
    load_path(returns["both"], "DEMO", store_path=together)
    load_path(returns["2025"], "DEMO", store_path=backwards)
    earlier = load_path(returns["2024"], "DEMO", store_path=backwards)
    connection = open_store(backwards, read_only=True)
    kept = connection.execute("SELECT cine_referral_id, cine_close_date FROM ssd_cin_episodes ORDER BY 1").fetchall()
    connection.close()
    connection = open_store(together, read_only=True)
    assert kept == connection.execute("SELECT cine_referral_id, cine_close_date FROM ssd_cin_episodes ORDER BY 1").fetchall()
    connection.close()
    assert any(problem.code == "load.already_later" for problem in earlier.problems)
    assert earlier.rows_by_table["ssd_cin_episodes"] < len(kept)


def test_a_second_format_for_the_same_children_is_refused_and_the_store_is_unchanged(returns, tmp_path):
    store = tmp_path / "s.duckdb"
    first = load_path(returns["2024"], "DEMO", store_path=store)
    before = _stored(store)
    with pytest.raises(LoadRefused) as refused:
        load_path(returns["ssd"], "DEMO", store_path=store)
    clash = [problem for problem in refused.value.problems if problem.code == "load.other_format"]
    assert len(clash) == 1 and clash[0].is_error
    assert "ssd_cin_episodes" in clash[0].field
    assert f"lineofsight unload {first.batch_id}" in clash[0].message
    assert _stored(store) == before


def test_another_organisations_extract_is_not_a_clash(returns, tmp_path):
    store = tmp_path / "s.duckdb"
    load_path(returns["2024"], "DEMO", store_path=store)
    assert load_path(returns["ssd"], "OTHER", store_path=store).row_count > 0


def _annex_a(tables, cutoff, folder):
    """An Annex A workbook of the borough as it stood at ``cutoff``: nothing begun after it, nothing after it recorded."""
    from lineofsight.synth.write_annexa import write

    happened = {}
    for name, frame in tables.items():
        dates = [column for column in frame.columns if str(frame[column].dtype).startswith("datetime")]
        if dates:
            frame = frame[frame[dates[0]].isna() | (frame[dates[0]] <= cutoff)].copy()
            for column in dates[1:]:
                frame.loc[frame[column] > cutoff, column] = pd.NaT
        happened[name] = frame
    folder.mkdir()
    write(happened, folder)
    return folder


def _records(store, table, columns):
    connection = open_store(store, read_only=True)
    try:
        return set(connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
    finally:
        connection.close()


def test_two_annex_a_extracts_keep_every_visit_they_hold_once(tmp_path):
    tables = build(400, 18, 3, date(2025, 6, 1))
    earlier = _annex_a(tables, pd.Timestamp(2025, 3, 31), tmp_path / "march")
    later = _annex_a(tables, pd.Timestamp(2025, 6, 30), tmp_path / "june")
    for name, folder in (("march", earlier), ("june", later)):
        load_path(folder, "DEMO", store_path=tmp_path / f"{name}.duckdb")
    load_path(earlier, "DEMO", store_path=tmp_path / "both.duckdb")
    load_path(later, "DEMO", store_path=tmp_path / "both.duckdb")
    # each extract holds a child's latest visit: March's and June's are two visits, both kept, one row each
    for table, columns in (("ssd_cla_visits", ["clav_cla_id", "clav_cla_visit_date"]), ("ssd_cp_visits", ["cppv_cp_plan_id", "cppv_cp_visit_date"]),
                           ("ssd_cla_reviews", ["clar_cla_id", "clar_cla_review_date"]), ("ssd_cla_episodes", ["clae_cla_episode_id"]),
                           ("ssd_person", ["pers_person_id"])):
        both = _records(tmp_path / "both.duckdb", table, columns)
        assert both == _records(tmp_path / "march.duckdb", table, columns) | _records(tmp_path / "june.duckdb", table, columns), table
        assert len(both) == len(_records(tmp_path / "both.duckdb", table, ["*"])), table
