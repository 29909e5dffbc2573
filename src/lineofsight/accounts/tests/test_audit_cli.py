import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from typer.testing import CliRunner

from lineofsight.accounts.audit import record_change
from lineofsight.cli.app import app


@pytest.fixture
def events(db, user_with_role):
    user = user_with_role("programme_officer", username="po")
    record_change(user, user, before={"last_name": "Smith"}, after={"last_name": "Smyth"}, summary="surname corrected")


def test_audit_csv_has_every_column_with_before_and_after(events):
    result = CliRunner().invoke(app, ["audit", "--since", timezone.localdate().isoformat(), "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["summary"] for r in rows] == ["surname corrected"]
    assert rows[0]["username"] == "po" and '"Smyth"' in rows[0]["after"] and '"Smith"' in rows[0]["before"]


def test_audit_since_tomorrow_lists_nothing(events):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    result = CliRunner().invoke(app, ["audit", "--since", tomorrow, "--csv"])
    assert result.exit_code == 0
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 1  # the header only


def test_audit_refuses_a_date_not_in_iso_form(events):
    result = CliRunner().invoke(app, ["audit", "--since", "22/11/2026"])
    assert result.exit_code != 0
