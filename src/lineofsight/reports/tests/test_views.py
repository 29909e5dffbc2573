import pytest

from lineofsight.performance.pages.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 67.7])
    f.publish(org, f.month(0), f.month(1))
    return org


def test_packs_page_offers_public_packs_for_published_months_only(client, org):
    html = client.get("/reports/").content.decode()
    assert "May 2017" in html and "Jun 2017" not in html
    assert "internal_board" not in html
    assert "/reports/indicators/2017-05/public_scrutiny.pdf" in html


def test_packs_page_offers_internal_packs_to_the_signed_in(client_as, org):
    html = client_as("performance_analyst").get("/reports/").content.decode()
    assert "/reports/indicators/2017-06/internal_board.pdf" in html
    assert "Not yet published" in html


def test_public_downloads_a_public_pack(client, org):
    response = client.get("/reports/indicators/2017-05/public_scrutiny.xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_public_cannot_download_an_internal_pack(client, org):
    assert client.get("/reports/indicators/2017-05/internal_board.html").status_code == 403


def test_html_pack_download_is_a_standalone_page(client_as, org):
    response = client_as("councillor").get("/reports/programme/2017-06/internal_board.html")
    assert response.status_code == 200
    assert "<style>" in response.content.decode()


def test_councillors_internal_pack_leaves_out_the_unpublished_month(client_as, org):
    html = client_as("councillor").get("/reports/indicators/2017-06/internal_board.html").content.decode()
    assert "67.7%" not in html


def test_analysts_internal_pack_includes_the_unpublished_month_marked(client_as, org):
    html = client_as("performance_analyst").get("/reports/indicators/2017-06/internal_board.html").content.decode()
    assert "67.7%" in html and "Not yet published" in html


def test_councillors_are_not_offered_a_draft_months_pack(client_as, org):
    html = client_as("councillor").get("/reports/").content.decode()
    assert "2017-06" not in html and "/reports/indicators/2017-05/internal_board.pdf" in html
