"""Importing seed 003's indicator tables and the judge's report on them."""

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.accounts.models import AuditEvent
from lineofsight.cli.app import app
from lineofsight.performance import reported
from lineofsight.performance.models import ActionLogEntry, Commentary, IndicatorValue, Organisation

SEED = Path(__file__).parents[2] / "formats" / "tests" / "data" / "seed_003_appendix_2.txt"
OCTOBER = dt.date(2017, 10, 1)

pytestmark = pytest.mark.django_db


@pytest.fixture
def result():
    return reported.import_pack(SEED, "CRO")


def stored():
    return (
        IndicatorValue.objects.filter(source=IndicatorValue.REPORTED).count(),
        ActionLogEntry.objects.count(),
        Commentary.objects.count(),
    )


def check(result, ref):
    return next(c for c in result.checks if c.ref == ref)


def test_amt_2_is_stored_april_to_october_as_published(result):
    rows = IndicatorValue.objects.filter(organisation__code="CRO", indicator_ref="AMT 2").order_by("month")
    assert [r.month for r in rows] == [dt.date(2017, m, 1) for m in range(4, 11)]
    assert [r.value for r in rows] == [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7]
    assert all(r.numerator == r.value and r.denominator is None and r.source == "reported" for r in rows)
    latest = rows.last()
    assert (latest.published_text, latest.published_rag, latest.published_target) == ("67.7%", "RAG", "95.0%")
    assert latest.published_methodology == "95% or above Green 85%-94% Amber 84% and below Red"


def test_organisation_is_created_when_missing(result):
    assert Organisation.objects.get(code="CRO").name == "CRO"


def test_organisation_can_be_named_when_created():
    reported.import_pack(SEED, "XYZ", org_name="Croydon")
    assert Organisation.objects.get(code="XYZ").name == "Croydon"


def test_action_log_and_commentary_are_stored(result):
    assert ActionLogEntry.objects.filter(organisation__code="CRO").count() == 13
    assert ActionLogEntry.objects.get(log_ref="Oct-02").complete == "Y"
    note = Commentary.objects.get(indicator_ref="AMT 2")
    assert note.month == OCTOBER and note.author is None
    assert note.improvement_activity.startswith("AMT2")
    assert Commentary.objects.filter(indicator_ref="FD 8").get().next_steps.startswith("(1) From Monday")


def test_words_in_a_month_are_kept_as_a_no_data_reason(result):
    qa_2 = IndicatorValue.objects.get(indicator_ref="QA 2")
    assert qa_2.value is None and qa_2.no_data_reason == "Awaiting Data - under development"


def test_report_lists_ratings_that_break_their_own_methodology(result):
    disagreeing = {c.ref: c for c in result.disagreements}
    assert {"AMT 2", "MC 6", "QA 1"} <= set(disagreeing)
    amt_2 = disagreeing["AMT 2"]
    assert (amt_2.published_text, amt_2.derived) == ("RAG", "red")
    assert "67.7%" in amt_2.disagreement_text() and "27.3 points short of the 95% target" in amt_2.disagreement_text()


def test_report_lists_inconsistent_methodology(result):
    problems = {c.ref: " ".join(c.methodology_problems) for c in result.inconsistent}
    assert "target 75% is outside its own Green band" in problems["CIN 4"]
    assert "overlap from 21% to 22%" in problems["FD 8"]
    assert "target 17 is outside its own Green band" in problems["W1 d"]
    assert "gap between 17 and 18.1" in problems["W 1"]
    assert "ordered for higher is better" in problems["QA 1"]
    assert "cohort" in problems["CP 10"]


def test_ratings_that_follow_the_methodology_are_not_reported(result):
    for ref in ("P1", "W1 b", "FD 3", "LAC 20", "AD 7"):
        assert not check(result, ref).disagrees, ref
    assert check(result, "W1 b").published == "amber"  # Yellow


def test_front_page_rating_that_differs_from_the_table_is_reported(result):
    assert check(result, "AMT 2").summary_text == "Red"
    assert check(result, "P1").summary_text == ""


def test_reimport_replaces_rather_than_duplicates(result):
    before = stored()
    reported.import_pack(SEED, "CRO")
    assert stored() == before
    assert AuditEvent.objects.filter(object_type="performance.organisation").count() == 2


def test_a_broken_file_changes_nothing_and_names_row_and_field(result, tmp_path):
    before = stored()
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text().replace("AMT 2\tPercentage of C&F assessments completed within 45 working days\tBIB\t71.3%", "AMT 2\tPercentage of C&F assessments completed within 45 working days\tBIB\t71.3.%"))
    with pytest.raises(reported.ImportRefused) as refused:
        reported.import_pack(broken, "CRO")
    error = next(p for p in refused.value.problems if p.is_error)
    assert (error.field, "71.3.%" in error.message) == ("Apr-17", True)
    lines = SEED.read_text().splitlines()
    assert error.row == next(number for number, line in enumerate(lines, start=1) if "\tBIB\t71.3%" in line)
    assert stored() == before


def test_a_failure_while_storing_rolls_everything_back(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Commentary.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        reported.import_pack(SEED, "CRO")
    assert stored() == (0, 0, 0)
    assert not Organisation.objects.filter(code="CRO").exists()


def test_cli_prints_the_disagreement_report():
    outcome = CliRunner().invoke(app, ["import-indicators", str(SEED), "--org", "CRO"])
    assert outcome.exit_code == 0, outcome.output
    assert "RAG disagreements (3):" in outcome.output
    assert 'AMT 2: Oct-17 67.7%: published no rating ("RAG"), but its methodology makes it Red' in outcome.output
    assert "CIN 4: the target 75% is outside its own Green band" in outcome.output
    assert IndicatorValue.objects.filter(organisation__code="CRO", indicator_ref="AMT 2").count() == 7


def test_cli_refuses_a_broken_file_with_row_and_field(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text("Indicator Number\tIndicator Title\tPolarity\tOct-17\nX 1\tT\tXIB\t5\n")
    outcome = CliRunner().invoke(app, ["import-indicators", str(broken), "--org", "CRO"])
    assert outcome.exit_code == 1
    assert "row 2, Polarity" in outcome.output
    assert not Organisation.objects.filter(code="CRO").exists()


def test_importing_a_pack_moves_the_organisations_values_generation_on(result):
    first = Organisation.objects.get(code="CRO").values_generation
    reported.import_pack(SEED, "CRO")
    assert Organisation.objects.get(code="CRO").values_generation == first + 1 > 1
