import pytest

from lineofsight.core.page_checks import PageProblem, check_page

pytestmark = pytest.mark.django_db


def test_home_page_renders_with_service_navigation(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Line of Sight" in html
    assert "govuk/application.css" in html


def test_home_page_says_demo_data_is_synthetic(client, settings):
    settings.SHOW_SYNTHETIC_BANNER = True
    assert "synthetic" in client.get("/").content.decode()


def test_inline_script_carries_the_csp_nonce(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_page_check_refuses_two_h1s():
    with pytest.raises(PageProblem, match="exactly one <h1>"):
        check_page("<html><head><title>A</title></head><body><h1>A</h1><h1>B</h1></body></html>")


def test_page_check_refuses_title_not_starting_with_h1():
    with pytest.raises(PageProblem, match="start <title>"):
        check_page("<html><head><title>Other</title></head><body><h1>A</h1></body></html>")


def test_page_check_refuses_duplicate_ids():
    with pytest.raises(PageProblem, match="unique"):
        check_page('<html><head><title>A</title></head><body><h1>A</h1><p id="x"></p><p id="x"></p></body></html>')
