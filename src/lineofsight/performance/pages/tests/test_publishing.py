"""The publishing page: analysts release computed months; everyone else sees only what was released."""

from datetime import date, datetime
from datetime import timezone as tz
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from lineofsight.accounts.models import AuditEvent
from lineofsight.performance import queries as performance_queries
from lineofsight.performance.models import PublishedMonth
from lineofsight.performance.pages.publishing import MonthRow, month_rows
from lineofsight.performance.pages.tests import factories as f

PAGE = "/performance/publish/?org=TEST"
APRIL, MAY = f.month(0), f.month(1)


def public_months(client):
    """(month, value, version) of AMT 2 as the public reads it from the API."""
    values = client.get("/api/v1/indicators/amt-2/values?org=TEST").json()["values"]
    return [(v["month"], v["value"], v["version"]) for v in values]


def error_summary(response) -> str:
    summary = BeautifulSoup(response.content, "html5lib").find(class_="govuk-error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


@pytest.fixture
def org(db):
    org = f.organisation()
    f.series(org, "AMT 2", [70.0, 75.0])  # April and May 2017, version 1, neither published
    return org


@pytest.mark.django_db
def test_analyst_publishes_april_and_the_public_then_sees_april_but_not_may(client_as, client, org):
    analyst = client_as("performance_analyst")
    response = analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"}, follow=True)
    assert "April 2017 published at version 1" in response.content.decode()
    assert PublishedMonth.objects.get(organisation=org, month=APRIL).published_by.username == "performance_analyst"
    assert AuditEvent.objects.filter(object_type="performance.publishedmonth", kind=AuditEvent.CREATE).count() == 1
    analyst.logout()
    assert public_months(client) == [("2017-04-01", 70.0, 1)]


@pytest.mark.django_db
def test_recompute_after_publishing_leaves_the_public_on_the_published_version(client_as, client, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    row = {"indicator_ref": "AMT 2", "month": APRIL, "breakdown": "service", "breakdown_key": "", "breakdown_label": "",
           "numerator": 90.0, "denominator": 100.0, "value": 90.0, "no_data_reason": "", "batches": [2]}
    assert performance_queries.save_results(org, performance_queries.start_run(org, APRIL, APRIL, [2]), [row]) == {APRIL: 2}

    page = analyst.get(PAGE).content.decode()
    assert "Recomputed since publishing: version 2 is not yet published" in page
    analyst_values = analyst.get("/api/v1/indicators/amt-2/values?org=TEST").json()["values"]
    assert (analyst_values[0]["value"], analyst_values[0]["version"], analyst_values[0]["is_published"]) == (90.0, 2, False)
    analyst.logout()
    assert public_months(client) == [("2017-04-01", 70.0, 1)]


@pytest.mark.django_db
def test_the_page_lists_months_newest_first_with_who_published(client_as, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    table = BeautifulSoup(analyst.get(PAGE).content, "html5lib").find(id="months")
    rows = [[cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])][:4] for tr in table.tbody.find_all("tr")]
    assert [r[:3] for r in rows] == [["May 2017", "1", "Not published"], ["April 2017", "1", "Version 1"]]
    assert rows[1][3].startswith("performance_analyst, ")
    buttons = [button.get_text(" ", strip=True) for button in table.find_all("button")]
    assert buttons == ["Publish version 1 of May 2017"]  # April is published at its latest version already
    assert table.find("input", {"name": "csrfmiddlewaretoken"})


@pytest.mark.django_db
@pytest.mark.parametrize("role, refused", [("councillor", 403), ("target_owner", 403), ("public", 302)])
def test_councillors_target_owners_and_the_public_may_not_publish(client_as, org, role, refused):
    client = client_as(role)
    assert client.get(PAGE).status_code == refused
    assert client.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"}).status_code == refused
    assert not PublishedMonth.objects.exists()


@pytest.mark.django_db
def test_publishing_a_month_with_nothing_computed_is_refused(client_as, org):
    response = client_as("performance_analyst").post(PAGE, {"org": "TEST", "action": "publish", "month": "2030-01"})
    assert response.status_code == 200
    assert "Nothing has been computed for January 2030: compute the month before publishing it" in error_summary(response)
    assert not PublishedMonth.objects.exists()


@pytest.mark.django_db
def test_publishing_the_published_version_again_says_so(client_as, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    response = analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    assert "April 2017 is already published at version 1" in error_summary(response)
    assert PublishedMonth.objects.count() == 1


@pytest.mark.django_db
def test_withdrawing_needs_a_reason(client_as, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    response = analyst.post(PAGE, {"org": "TEST", "action": "withdraw", "month": "2017-04", "reason": "  "})
    assert "Enter why the month is being withdrawn" in error_summary(response)
    assert performance_queries.published_version(org, APRIL) == 1


@pytest.mark.django_db
def test_withdrawn_month_leaves_the_public_dashboard_and_is_audited(client_as, client, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    response = analyst.post(PAGE, {"org": "TEST", "action": "withdraw", "month": "2017-04", "reason": "Duplicate referrals"}, follow=True)
    page = response.content.decode()
    assert "April 2017 withdrawn" in page and "Version 1 withdrawn" in page and "Duplicate referrals" in page
    event = AuditEvent.objects.get(object_type="performance.publishedmonth", kind=AuditEvent.CHANGE)
    assert event.after["withdrawn_reason"] == "Duplicate referrals" and event.username == "performance_analyst"
    analyst.logout()
    assert "No indicator values have been published yet" in client.get("/performance/?org=TEST").content.decode()
    assert public_months(client) == []


@pytest.mark.django_db
def test_a_withdrawn_version_cannot_be_published_again_until_recomputed(client_as, org):
    analyst = client_as("performance_analyst")
    analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    analyst.post(PAGE, {"org": "TEST", "action": "withdraw", "month": "2017-04", "reason": "Recount"})
    response = analyst.post(PAGE, {"org": "TEST", "action": "publish", "month": "2017-04"})
    assert "Version 1 of April 2017 was withdrawn: recompute the month to publish a new version" in error_summary(response)


# --- the presenter, without a database -------------------------------------------------------------


def _release(month, version, *, withdrawn=None, reason=""):
    return SimpleNamespace(month=month, version=version, published_by=None, published_at=datetime(2017, 6, 5, 9, 30, tzinfo=tz.utc),
                           withdrawn_at=withdrawn, withdrawn_reason=reason)


def test_rows_are_newest_first_and_the_latest_release_stands():
    rows = month_rows({APRIL: 2, MAY: 1}, [_release(APRIL, 1), _release(APRIL, 2)])
    assert [(row.label, row.published_text, row.may_publish) for row in rows] == [("May 2017", "Not published", True), ("April 2017", "Version 2", False)]


def test_a_month_recomputed_since_publishing_says_which_version_waits():
    row = MonthRow(APRIL, 3, standing=_release(APRIL, 2))
    assert row.note == "Recomputed since publishing: version 3 is not yet published"
    assert row.may_publish


def test_a_withdrawn_month_shows_the_reason_and_is_not_published():
    row = month_rows({APRIL: 1}, [_release(APRIL, 1, withdrawn=datetime(2017, 6, 9, 12, 0, tzinfo=tz.utc), reason="Recount")])[0]
    assert row.published_text == "Not published"
    assert row.note.startswith("Version 1 withdrawn 9 June 2017") and row.note.endswith(": Recount")
    assert not row.may_publish


def test_published_by_the_command_line_names_it():
    assert MonthRow(date(2017, 4, 1), 1, standing=_release(APRIL, 1)).published_by_text.startswith("the command line, 5 June 2017")
