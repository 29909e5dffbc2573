"""Browser journey: an analyst uploads a broken extract, reads the report, then uploads a fixed one."""

import io
import zipfile

import pytest

from lineofsight.formats.ssd_tables import TABLES
from tests.system.conftest import then_no_script_errors, then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.system


def _extract(dob: str) -> bytes:
    columns = list(TABLES["ssd_person"])
    cells = [""] * len(columns)
    cells[0], cells[3], cells[5], cells[6] = "C1", "F", "WBRI", dob
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ssd_person.csv", ",".join(columns) + "\n" + ",".join(cells) + "\n")
    return buffer.getvalue()


def test_an_analyst_is_shown_every_problem_then_loads_the_fixed_extract(page, signed_in_as, tmp_path, monkeypatch):
    monkeypatch.setenv("LINEOFSIGHT_CASE_STORE", str(tmp_path / "store.duckdb"))
    # given an analyst and an extract with an impossible date
    signed_in_as("performance_analyst")
    page.goto("/performance/upload/")
    page.get_by_label("Organisation code").fill("DEMO")
    page.get_by_label("Case data file").set_input_files({"name": "extract.zip", "mimeType": "application/zip", "buffer": _extract("31/02/2018")})
    # when they upload it
    page.get_by_role("button", name="Check and load").click()
    # then nothing loads and the report names the file, row and field
    page.get_by_text("Nothing was loaded").wait_for()
    assert page.locator("table").filter(has_text="pers_dob").count() == 1
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)
    # and when they upload the fixed extract it loads
    page.get_by_label("Case data file").set_input_files({"name": "extract.zip", "mimeType": "application/zip", "buffer": _extract("2015-02-28")})
    page.get_by_role("button", name="Check and load").click()
    page.get_by_text("Case data loaded").wait_for()
    then_the_accessibility_baseline_is_met(page)
