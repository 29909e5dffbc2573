"""Each synthetic format loads cleanly; CIN ids are stable across reloads; the CLI refuses broken folders."""

from datetime import date

import pytest
from typer.testing import CliRunner

from lineofsight.cli.app import app
from lineofsight.store import open_store
from lineofsight.store.loading import load_path
from lineofsight.synth import generate

END = date(2025, 9, 1)


@pytest.fixture(scope="module")
def borough(tmp_path_factory):
    folders = {}
    for fmt in ("ssd", "cin", "903", "annexa"):
        folder = tmp_path_factory.mktemp(fmt)
        generate("small", months=12, seed=3, fmt=fmt, out=folder, end_month=END)
        folders[fmt] = folder
    return folders


@pytest.mark.parametrize("fmt", ["ssd", "cin", "903", "annexa"])
def test_synthetic_borough_loads_without_errors_in_every_format(borough, tmp_path, fmt):
    result = load_path(borough[fmt], "DEMO", store_path=tmp_path / "s.duckdb")
    assert result.source_format == fmt
    assert result.rows_by_table["ssd_person"] > 100
    assert not [p for p in result.problems if p.is_error]


def test_cin_reload_keeps_the_same_generated_ids(borough, tmp_path):
    store = tmp_path / "s.duckdb"
    load_path(borough["cin"], "DEMO", store_path=store)
    first = set(open_store(store).execute("SELECT cina_assessment_id FROM ssd_cin_assessments").fetchall())
    load_path(borough["cin"], "DEMO", store_path=store)
    connection = open_store(store)
    assert set(connection.execute("SELECT cina_assessment_id FROM ssd_cin_assessments").fetchall()) == first
    assert connection.execute("SELECT count(*) FROM load_batches").fetchone()[0] == 1


def test_cli_refuses_a_folder_with_one_broken_row_and_writes_the_report(borough, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    for path in borough["ssd"].glob("*.csv"):
        (folder / path.name).write_text(path.read_text())
    person = folder / "ssd_person.csv"
    lines = person.read_text().splitlines()
    cells = lines[5].split(",")
    cells[6] = "31/02/2018"
    lines[5] = ",".join(cells)
    person.write_text("\n".join(lines) + "\n")
    report = tmp_path / "report.csv"
    store = tmp_path / "s.duckdb"
    outcome = CliRunner().invoke(app, ["load", str(folder), "--org", "DEMO", "--report", str(report), "--store", str(store)])
    assert outcome.exit_code == 1
    assert report.read_text().splitlines()[1].startswith("ssd_person.csv,6,pers_dob,date.invalid,error,")
    assert open_store(store).execute("SELECT count(*) FROM load_batches").fetchone()[0] == 0


def test_cli_loads_and_unloads(borough, tmp_path):
    store = tmp_path / "s.duckdb"
    runner = CliRunner()
    loaded = runner.invoke(app, ["load", str(borough["903"]), "--org", "DEMO", "--store", str(store)])
    assert loaded.exit_code == 0, loaded.output
    assert "Loaded batch 1" in loaded.output
    unloaded = runner.invoke(app, ["unload", "1", "--store", str(store)])
    assert unloaded.exit_code == 0
    assert runner.invoke(app, ["unload", "1", "--store", str(store)]).exit_code == 1
