import pytest
from bs4 import BeautifulSoup

from lineofsight.performance.pages.tests import factories as f
from lineofsight.performance.pages.tests.reading import dashboard_cell

pytestmark = pytest.mark.django_db


def test_dashboard_shows_each_indicator_with_its_latest_value(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1])
    f.series(org, "FD 8", [21.0, 10.0, 28.0])
    html = client_as("performance_analyst").get("/performance/").content.decode()
    assert "AMT 2" in html and "FD 8" in html
    assert "90.1%" in html or "90.1" in html
    assert "Jun 2017" in html


def test_public_sees_only_published_months(client):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1])
    f.publish(org, f.month(0), f.month(1))
    html = client.get("/performance/").content.decode()
    assert "May 2017" in html
    assert "90.1" not in html
    assert "Not yet published" not in html


def test_analyst_sees_unpublished_month_marked(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1])
    f.publish(org, f.month(0), f.month(1))
    html = client_as("performance_analyst").get("/performance/").content.decode()
    assert "90.1" in html
    assert "Not yet published" in html


def test_no_data_shows_the_reason_never_zero(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, None])
    html = client_as("performance_analyst").get("/performance/").content.decode()
    assert "No assessments completed" in html


def test_public_small_counts_are_suppressed(client):
    org = f.organisation()
    f.series(org, "MC 1", [149.0, 4.0], denominator=None)
    f.publish(org, f.month(0), f.month(1))
    assert dashboard_cell(client.get("/performance/").content.decode(), "MC 1") == "c"


def test_signed_in_users_see_small_counts(client_as):
    org = f.organisation()
    f.series(org, "MC 1", [149.0, 4.0], denominator=None)
    f.publish(org, f.month(0), f.month(1))
    assert dashboard_cell(client_as("councillor").get("/performance/").content.decode(), "MC 1") == "4"


def test_indicator_page_shows_table_of_months(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1])
    response = client_as("performance_analyst").get("/performance/indicators/amt-2/")
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html5lib")
    caption = soup.find("caption", string=lambda text: text and text.startswith("Data: "))
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in caption.parent.select("tbody tr")]
    assert rows[0][:4] == ["Jun 2017 (not yet published)", "90.1", "100", "90.1%"]
    assert [row[0].split(" (")[0] for row in rows] == ["Jun 2017", "May 2017", "Apr 2017"]


def test_unknown_indicator_is_not_found(client_as):
    f.organisation()
    assert client_as("performance_analyst").get("/performance/indicators/nope-9/").status_code == 404
