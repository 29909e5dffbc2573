import io
from datetime import date

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from lineofsight.performance.models import ActionLogEntry, Commentary
from lineofsight.performance.pages.tests import factories as f
from lineofsight.reports import packs, render

pytestmark = pytest.mark.django_db
OCT = date(2017, 10, 1)


@pytest.fixture
def org():
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7])
    f.series(org, "FD 8", [21.0, 10.0, 28.0, 19.0, 24.0, 23.0, 18.0])
    f.series(org, "MC 1", [149.0, 178.0, 220.0, 238.0, 152.0, 211.0, 3.0], denominator=None)
    f.publish(org, *[f.month(i) for i in range(7)])
    return org


def test_indicators_pack_puts_what_is_not_going_well_first(org):
    html = render.to_html(packs.build("indicators", org, OCT, "internal_board"))
    exceptions = html[html.index("Not going as well as others"):html.index("Going well")]
    assert "AMT 2" in exceptions and "27.3 points short of the 95% target" in exceptions
    assert "FD 8" not in exceptions


def test_indicators_pack_has_a_table_and_a_chart_per_area(org):
    html = render.to_html(packs.build("indicators", org, OCT, "internal_board"))
    assert "<caption>Assessment: indicators by month" in html
    assert html.count("los-chart--bar") == 3
    assert "Columns above the target line are good performance" in html


def test_indicators_pack_prints_the_months_commentary_and_action_log(org, user_with_role):
    Commentary.objects.create(organisation=org, indicator_ref="AMT 2", month=OCT, improvement_activity="Best Start team on rota")
    ActionLogEntry.objects.create(organisation=org, indicator_ref="AMT 2", log_ref="Oct-04", action="Sixth assessment team", when_text="Nov-17", complete="Y")
    html = render.to_html(packs.build("indicators", org, OCT, "internal_board"))
    assert "Best Start team on rota" in html
    assert "Sixth assessment team" in html


def test_public_pack_suppresses_small_counts_and_lists_them(org):
    pack = packs.build("indicators", org, OCT, "public_scrutiny")
    html = render.to_html(pack)
    assert [(e["ref"], e["month"]) for e in pack.suppression_log] == [("MC 1", "Oct 2017")]
    assert "Appendix: suppressed figures" in html and "primary: 3 is between 1 and 5" in html


def test_internal_pack_suppresses_nothing(org):
    pack = packs.build("indicators", org, OCT, "internal_board")
    assert pack.suppression_log == []
    assert "Appendix: suppressed figures" not in render.to_html(pack)


def test_public_pack_threshold_is_configurable(org):
    assert packs.build("indicators", org, OCT, "public_scrutiny", threshold=2).suppression_log == []


def test_xlsx_has_a_sheet_per_area_with_numbers_as_numbers(org):
    book = CalamineWorkbook.from_filelike(io.BytesIO(render.to_xlsx(packs.build("indicators", org, OCT, "internal_board"))))
    assert {"Assessment", "Front door"} <= set(book.sheet_names)
    rows = book.get_sheet_by_name("Assessment").to_python()
    amt2 = next(row for row in rows if row and row[0] == "AMT 2")
    assert amt2[3:10] == pytest.approx([71.3, 85.8, 90.1, 88.8, 85.8, 78.5, 67.7])


def test_public_xlsx_writes_the_suppression_symbol_as_text(org):
    book = CalamineWorkbook.from_filelike(io.BytesIO(render.to_xlsx(packs.build("indicators", org, OCT, "public_scrutiny"))))
    sheet = next(name for name in book.sheet_names if name.startswith("Children in need"))
    mc1 = next(row for row in book.get_sheet_by_name(sheet).to_python() if row and row[0] == "MC 1")
    assert mc1[9] == "c" and mc1[8] == 211.0
    assert "Suppressed" in book.sheet_names


def test_indicators_pack_pdf_is_tagged(org):
    reader = PdfReader(io.BytesIO(render.to_pdf(packs.build("indicators", org, OCT, "internal_board"))))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.metadata.title.startswith("Children's Improvement Priority Indicators")


def test_programme_pack_cites_indicator_refs_for_strengths_and_underperformance(org):
    html = render.to_html(packs.build("programme", org, OCT, "internal_board"))
    strengths = html[html.index("Areas of strength"):html.index("Areas of underperformance")]
    under = html[html.index("Areas of underperformance"):html.index("Next steps")]
    assert "[indicator FD 8]" in strengths
    assert "[indicator AMT 2]" in under
    assert "No improvement plan is marked current" in html


@pytest.fixture
def agency(org):
    """WF 6 (agency staff) by team: Permanence's 3 is small enough to suppress in public."""
    for key, label, count in (("T1", "Assessment", 20.0), ("T2", "Care Planning", 30.0), ("T3", "Permanence", 3.0)):
        f.series(org, "WF 6", [count] * 7, denominator=None, breakdown="team", key=key, label=label)
    f.series(org, "WF 6", [53.0] * 7, denominator=None)
    return org


def _row(html, name):
    from bs4 import BeautifulSoup

    table = BeautifulSoup(html, "html5lib").find("caption", string=lambda t: t and t.startswith("Workforce by team")).parent
    header = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    for row in table.tbody.find_all("tr"):
        cells = [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        if cells[0] == name:
            return dict(zip(header, cells))
    raise AssertionError(f"no row {name}")


def test_workforce_pack_shows_each_team_and_the_whole_service(agency):
    html = render.to_html(packs.build("workforce", agency, OCT, "internal_board"))
    assert _row(html, "Permanence")["Agency Staff"] == "3"
    assert _row(html, "Whole service")["Agency Staff"] == "53"


def test_public_workforce_pack_suppresses_a_small_team_and_one_more_to_protect_it(agency):
    pack = packs.build("workforce", agency, OCT, "public_scrutiny")
    html = render.to_html(pack)
    assert _row(html, "Permanence")["Agency Staff"] == "c"
    assert _row(html, "Assessment")["Agency Staff"] == "c"  # else 53 − 20 − 30 gives Permanence away
    assert _row(html, "Care Planning")["Agency Staff"] == "30"
    assert [entry["reason"].split(":")[0] for entry in pack.suppression_log] == ["primary", "secondary"]


def test_unknown_pack_is_refused(org):
    with pytest.raises(ValueError, match="unknown pack"):
        packs.build("budget", org, OCT, "internal_board")
