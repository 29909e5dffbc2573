"""The dashboard keeps what it built between requests: it must never show what the data no longer says."""

import pytest

from lineofsight.performance.models import PublishedMonth, Target
from lineofsight.performance.pages.tests import factories as f
from lineofsight.performance.pages.tests.reading import TARGET, dashboard_cell

pytestmark = pytest.mark.django_db


def test_the_dashboard_shows_a_month_computed_after_it_was_last_seen(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8])
    analyst = client_as("performance_analyst")
    assert "May 2017" in analyst.get("/performance/").content.decode()
    f.series(org, "AMT 2", [90.1], start=2)
    html = analyst.get("/performance/").content.decode()
    assert "Jun 2017" in html and "90.1" in html


def test_the_public_dashboard_shows_a_month_once_published_and_drops_it_once_withdrawn(client):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8])
    f.publish(org, f.month(0))
    assert "85.8" not in client.get("/performance/").content.decode()
    f.publish(org, f.month(1))
    assert "85.8" in client.get("/performance/").content.decode()
    PublishedMonth.objects.filter(organisation=org, month=f.month(1)).update(withdrawn_at="2017-06-01T00:00Z")
    assert "85.8" not in client.get("/performance/").content.decode()


def test_a_target_changed_in_the_admin_shows_at_once(client_as):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8])
    analyst = client_as("performance_analyst")
    before = dashboard_cell(analyst.get("/performance/").content.decode(), "AMT 2", TARGET)
    Target.objects.create(organisation=org, indicator_ref="AMT 2", financial_year="2017-18", target=42.0)
    after = dashboard_cell(analyst.get("/performance/").content.decode(), "AMT 2", TARGET)
    assert "42" in after and after != before


def test_what_an_analyst_was_shown_is_never_shown_to_the_public(client_as, client):
    org = f.organisation()
    f.series(org, "AMT 2", [71.3, 85.8, 90.1])
    f.publish(org, f.month(0), f.month(1))
    assert "90.1" in client_as("performance_analyst").get("/performance/").content.decode()
    from django.test import Client

    assert "90.1" not in Client().get("/performance/").content.decode()


def test_small_counts_shown_to_a_councillor_stay_suppressed_for_the_public(client_as):
    org = f.organisation()
    f.series(org, "MC 1", [149.0, 4.0], denominator=None)
    f.publish(org, f.month(0), f.month(1))
    client_as("councillor").get("/performance/")
    from django.test import Client

    assert dashboard_cell(Client().get("/performance/").content.decode(), "MC 1") == "c"
