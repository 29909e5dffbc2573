"""lineofsight compute / values / publish on a hand-built case store."""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.indicators.tests.builders import build_store, monthly_referrals
from lineofsight.performance.tests.test_compute import ASSESSMENTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    build_store(path, [("AAA", 1, date(2017, 1, 1), date(2018, 6, 30), {
        "ssd_cin_episodes": monthly_referrals(date(2017, 1, 1), 18), "ssd_cin_assessments": ASSESSMENTS,
    })]).close()
    monkeypatch.setenv("LINEOFSIGHT_CASE_STORE", str(path))
    return path


def test_amt_2_compute_then_values_json_prints_numerator_and_denominator(store):
    runner = CliRunner()
    computed = runner.invoke(app, ["compute", "--org", "AAA"])
    assert computed.exit_code == 0, computed.output
    assert "computed 18 months" in computed.output
    printed = runner.invoke(app, ["values", "AMT 2", "--org", "AAA", "--json"])
    series = json.loads(printed.output)
    april = next(value for value in series["values"] if value["month"] == "2018-04-01")
    assert (april["numerator"], april["denominator"], april["value"]) == (1, 2, 50.0)


def test_publish_marks_the_month_published_at_version_1(store):
    runner = CliRunner()
    runner.invoke(app, ["compute", "--org", "AAA"])
    published = runner.invoke(app, ["publish", "--org", "AAA", "--month", "2018-04"])
    assert "published at version 1" in published.output
    series = json.loads(runner.invoke(app, ["values", "amt-2", "--org", "AAA", "--json"]).output)
    assert [v["month"] for v in series["values"] if v["is_published"]] == ["2018-04-01"]


def test_values_for_an_unknown_indicator_fails_cleanly(store):
    result = CliRunner().invoke(app, ["values", "ZZ 9", "--org", "AAA"])
    assert result.exit_code == 1 and "No indicator" in result.output
