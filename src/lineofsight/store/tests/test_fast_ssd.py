"""The DuckDB fast path stores exactly what the pure reader would, and steps aside for anything unusual."""

from datetime import date

from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import fast_ssd, open_store
from lineofsight.store.loading import load_path
from lineofsight.synth import generate


def _contents(store):
    connection = open_store(store)
    try:
        return {name: sorted(connection.execute(f"SELECT {', '.join(TABLES[name])} FROM {name}").fetchall(), key=repr) for name in TABLES}
    finally:
        connection.close()


def test_fast_path_and_pure_reader_store_identical_rows(tmp_path, monkeypatch):
    generate("small", months=6, seed=9, fmt="ssd", out=tmp_path / "x", end_month=date(2025, 6, 1))
    load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "fast.duckdb")
    monkeypatch.setattr(fast_ssd, "stage", lambda connection, source, progress=None: None)
    load_path(tmp_path / "x", "DEMO", store_path=tmp_path / "pure.duckdb")
    assert _contents(tmp_path / "fast.duckdb") == _contents(tmp_path / "pure.duckdb")


def test_fast_path_steps_aside_for_an_impossible_date_and_leaves_nothing_staged(tmp_path):
    columns = list(TABLES["ssd_person"])
    row = ["C1"] + [""] * (len(columns) - 1)
    row[columns.index("pers_dob")] = "31/02/2018"
    (tmp_path / "ssd_person.csv").write_text(",".join(columns) + "\n" + ",".join(row) + "\n")
    connection = open_store(tmp_path / "s.duckdb")
    assert fast_ssd.stage(connection, tmp_path) is None
    assert connection.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone()[0] == 0


def test_fast_path_steps_aside_for_an_extra_column(tmp_path):
    columns = list(TABLES["ssd_department"]) + ["notes"]
    (tmp_path / "ssd_department.csv").write_text(",".join(columns) + "\nT1,Team,,,hello\n")
    assert fast_ssd.stage(open_store(tmp_path / "s.duckdb"), tmp_path) is None
