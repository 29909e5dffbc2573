import pytest

from lineofsight.scrutiny.tests.factories import item_about

pytestmark = pytest.mark.django_db


def test_action_page_shows_scrutiny_recommendations_about_the_action(client, small_plan):
    item_about(plan_action_refs="6.7", conclusion="Action sheets were late.", recommendation="That action sheets go out within 2 working days.")
    html = client.get("/plan/actions/6.7/").content.decode()
    assert "What scrutiny has said about action 6.7" in html
    assert "Action sheets were late." in html
    assert "That action sheets go out within 2 working days." in html


def test_action_page_says_when_scrutiny_has_said_nothing(client, small_plan):
    html = client.get("/plan/actions/2.10/").content.decode()
    assert "No scrutiny item, conclusion or recommendation names action 2.10 yet." in html
