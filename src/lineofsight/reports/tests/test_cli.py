import pytest
from typer.testing import CliRunner

from lineofsight.cli import app
from lineofsight.performance.pages.tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def test_report_command_writes_an_xlsx_pack(tmp_path):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 67.7])
    out = tmp_path / "pack.xlsx"
    result = CliRunner().invoke(app, ["report", "--month", "2017-06", "--pack", "indicators", "--format", "xlsx", "--out", str(out), "--org", "TEST"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_report_command_refuses_a_bad_month(tmp_path):
    f.organisation()
    result = CliRunner().invoke(app, ["report", "--month", "October", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0
