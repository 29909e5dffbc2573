"""lineofsight import-minutes: dry run prints the draft; a real run stores a draft or nothing."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.scrutiny.models import Meeting
from lineofsight.scrutiny.tests import factories

DATA = Path(__file__).resolve().parents[1] / "demo_data"
runner = CliRunner()


def seed(prefix: str) -> str:
    return str(next(DATA.glob(f"{prefix}_*.txt")))


def test_dry_run_json_prints_the_draft_without_a_database():
    result = runner.invoke(app, ["import-minutes", seed("000"), "--committee", "SO", "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    draft = json.loads(result.stdout)["draft"]
    assert draft["meeting_date"] == "2018-03-06"
    assert [i["number"] for i in draft["items"]][3] == "12/18"


def test_dry_run_with_date_fills_a_page_without_one():
    result = runner.invoke(app, ["import-minutes", seed("004"), "--committee", "CYP", "--date", "2024-09-10", "--dry-run", "--json"])
    assert json.loads(result.stdout)["draft"]["meeting_date"] == "2024-09-10"


def test_bad_date_option_is_refused():
    result = runner.invoke(app, ["import-minutes", seed("004"), "--committee", "CYP", "--date", "10/09/2024", "--dry-run"])
    assert result.exit_code == 2


@pytest.mark.django_db
def test_import_stores_a_draft_meeting():
    factories.committee("SO", "Scrutiny & Overview Committee")
    result = runner.invoke(app, ["import-minutes", seed("000"), "--committee", "Scrutiny & Overview Committee"])
    assert result.exit_code == 0, result.output
    assert Meeting.objects.get().import_state == "draft"


@pytest.mark.django_db
def test_import_without_a_date_stores_nothing():
    factories.committee()
    result = runner.invoke(app, ["import-minutes", seed("004"), "--committee", "CYP"])
    assert result.exit_code == 1
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_unknown_committee_stores_nothing():
    result = runner.invoke(app, ["import-minutes", seed("000"), "--committee", "Nope"])
    assert result.exit_code == 1
    assert not Meeting.objects.exists()
