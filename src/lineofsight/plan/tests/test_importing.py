import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.plan import importing, loading_queries, template, template_files
from lineofsight.plan.tests.conftest import small_sheets


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_loses_nothing(small_plan, tmp_path, suffix):
    out = tmp_path / f"plan{suffix}"
    importing.export_plan(out)
    _, before = loading_queries.stored_plan("November 2017")
    importing.import_plan(out, "Copy", make_current=False)
    _, after = loading_queries.stored_plan("Copy")
    assert after == before
    assert len(after.actions) == 4 and after.priorities[0].success_measures == ["% of re-referrals", "Audits"]


def test_export_of_the_current_plan_writes_every_sheet_as_csv(small_plan, tmp_path):
    written = importing.export_plan(tmp_path / "plan.csv")
    assert sorted(p.name for p in written) == sorted(
        ["plan.csv", "plan-workstreams.csv", "plan-priorities.csv", "plan-recommendations.csv", "plan-officers.csv"]
    )


BREAKAGES = {
    "missing column": lambda s: [row.pop("due", None) for row in s["actions"]],
    "unknown lead": lambda s: s["actions"][0].update(lead="ZZ"),
    "malformed date": lambda s: s["actions"][2].update(due="Nov 17"),
    "malformed ref": lambda s: s["actions"][1].update(ref="2.x"),
    "duplicate ref": lambda s: s["actions"].append(dict(s["actions"][0])),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_broken_file_is_refused_whole_and_database_untouched(small_plan, tmp_path, breakage, suffix):
    sheets = small_sheets()
    BREAKAGES[breakage](sheets)
    if breakage == "missing column":
        sheets["actions"] = template_files.Sheet([c for c in template.SHEETS["actions"] if c != "due"], sheets["actions"])
    path = tmp_path / f"broken{suffix}"
    _write_raw(path, sheets)
    before = loading_queries.plan_fingerprint()
    with pytest.raises(importing.ImportRefused) as refused:
        importing.import_plan(path, "Broken", make_current=True)
    assert loading_queries.plan_fingerprint() == before
    assert all(p.sheet and p.field for p in refused.value.problems)


def _write_raw(path, sheets):
    """Write sheets as given, without the exporter's column list, so a dropped column stays dropped."""
    import csv

    import xlsxwriter

    if path.suffix == ".csv":
        for name, rows in sheets.items():
            columns = getattr(rows, "header", None) or template.SHEETS[name]
            with template_files.csv_path(path, name).open("w", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
                writer.writeheader()
                writer.writerows(rows)
        return
    book = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        columns = getattr(rows, "header", None) or template.SHEETS[name]
        sheet = book.add_worksheet(name)
        for c, column in enumerate(columns):
            sheet.write_string(0, c, column)
        for r, row in enumerate(rows, start=1):
            for c, column in enumerate(columns):
                sheet.write_string(r, c, row.get(column, ""))
    book.close()


def test_import_with_an_existing_name_is_refused(small_plan, tmp_path):
    out = tmp_path / "plan.xlsx"
    importing.export_plan(out)
    with pytest.raises(importing.ImportRefused, match="already stored"):
        importing.import_plan(out, "November 2017")


def test_cli_import_refuses_a_bad_file_with_row_and_field(small_plan, tmp_path):
    sheets = small_sheets()
    sheets["actions"][2]["due"] = "Nov 17"
    path = tmp_path / "bad.csv"
    _write_raw(path, sheets)
    before = loading_queries.plan_fingerprint()
    result = CliRunner().invoke(app, ["import-plan", str(path), "--name", "Bad"])
    assert result.exit_code == 1
    assert "actions, row 4, due" in result.output
    assert loading_queries.plan_fingerprint() == before


def test_cli_export_then_import_makes_the_new_plan_current(small_plan, tmp_path):
    out = tmp_path / "plan.xlsx"
    assert CliRunner().invoke(app, ["export-plan", "--out", str(out)]).exit_code == 0
    result = CliRunner().invoke(app, ["import-plan", str(out), "--name", "May 2018"])
    assert result.exit_code == 0, result.output
    plan, _ = loading_queries.stored_plan()
    assert plan.name == "May 2018"


def test_croydon_demo_plan_round_trips_through_xlsx(db, tmp_path):
    from lineofsight.plan.demo import PLAN_FILE

    importing.import_plan(PLAN_FILE, "November 2017", make_current=True)
    out = tmp_path / "croydon.xlsx"
    importing.export_plan(out)
    importing.import_plan(out, "Round trip")
    assert loading_queries.stored_plan("Round trip")[1] == loading_queries.stored_plan("November 2017")[1]
