import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from lineofsight.accounts.models import AuditEvent
from lineofsight.plan import models
from lineofsight.plan.update_queries import append_update


@pytest.fixture
def overview_html(small_plan, client):
    return client.get(reverse("plan:overview")).content.decode()


def test_overview_shows_every_priority_and_action_with_status_words(overview_html):
    for text in ("2. Improve early help", "6. Strengthen leadership", "2.3", "2.10", "6.7", "6.10", "Practice", "People and Performance"):
        assert text in overview_html
    assert "govuk-tag--red" in overview_html and "Overdue" in overview_html  # 2.10 was due December 2017


def test_overview_filters_by_lead_officer(small_plan, client):
    html = client.get(reverse("plan:overview"), {"lead": "JHB"}).content.decode()
    assert "6.7" in html and ">2.10<" not in html


def test_overview_filters_by_due_month(small_plan, client):
    html = client.get(reverse("plan:overview"), {"due": "2018-06"}).content.decode()
    assert "2.3" in html and ">6.7<" not in html


def test_overview_reports_a_bad_month_in_an_error_summary(small_plan, client):
    html = client.get(reverse("plan:overview"), {"due": "June"}).content.decode()
    assert "govuk-error-summary" in html and "Enter the month as year and month" in html


def test_overview_without_a_plan_says_so(db, client):
    assert "No improvement plan is current" in client.get(reverse("plan:overview")).content.decode()


def test_timetabled_page_lists_actions_due_that_month(small_plan, client):
    html = client.get(reverse("plan:timetabled"), {"month": "2017-12"}).content.decode()
    assert "Actions timetabled for Dec 2017" in html and "2.10" in html and ">6.7<" not in html


def test_priority_page_shows_narrative_and_recommendation(small_plan, client):
    html = client.get(reverse("plan:priority", args=[2])).content.decode()
    assert "Thresholds are understood" in html and "Recommendation 6" in html and "% of re-referrals" in html


def test_unknown_action_is_not_found(small_plan, client):
    assert client.get(reverse("plan:action", args=["9.9"])).status_code == 404


def test_public_sees_the_action_but_no_update_form(small_plan, client):
    html = client.get(reverse("plan:action", args=["6.7"])).content.decode()
    assert "Action sheets within 2 working days" in html and "Save update" not in html


def post_update(client, ref, **fields):
    action = models.Action.objects.get(ref=ref)
    latest = action.updates.order_by("-created_at", "-id").first()
    data = {"status": "Complete", "commentary": "Done", "evidence_link": "", "based_on": latest.id if latest else 0, **fields}
    return client.post(reverse("plan:update-action", args=[ref]), data)


def test_programme_officer_marks_an_action_complete_and_history_shows_both_states(small_plan, client_as):
    client = client_as("programme_officer")
    post_update(client, "2.10", status="At risk", commentary="Awaiting CSMT slot")
    response = post_update(client, "2.10", status="Complete", commentary="CWD now at CSMT")
    assert response.status_code == 302
    html = client.get(reverse("plan:action", args=["2.10"])).content.decode()
    assert "Awaiting CSMT slot" in html and "CWD now at CSMT" in html and "programme_officer" in html
    updates = models.ProgressUpdate.objects.filter(action__ref="2.10")
    assert [u.status for u in updates] == ["At risk", "Complete"]
    assert all(u.author.username == "programme_officer" for u in updates)


def test_each_update_is_audited(small_plan, client_as):
    post_update(client_as("programme_officer"), "2.10", status="Complete")
    event = AuditEvent.objects.get(object_type="plan.action")
    assert event.username == "programme_officer" and "2.10" in event.summary and event.after["status"] == "Complete"


def test_update_based_on_an_old_version_is_refused_and_nothing_saved(small_plan, client_as, user_with_role):
    action = models.Action.objects.get(ref="2.10")
    other = user_with_role("programme_officer", username="colleague")
    append_update(action, user=other, based_on=0, status="At risk", commentary="Colleague first")
    client = client_as("administrator")
    response = client.post(reverse("plan:update-action", args=["2.10"]), {"status": "Complete", "commentary": "Mine", "based_on": 0})
    assert response.status_code == 409
    assert "updated this action to At risk while you were editing it" in response.content.decode()
    assert [u.commentary for u in action.updates.all()] == ["Colleague first"]


def test_bad_update_shows_error_summary(small_plan, client_as):
    client = client_as("programme_officer")
    response = client.post(reverse("plan:update-action", args=["2.10"]), {"status": "Overdue", "commentary": "", "based_on": 0})
    html = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in html
    assert "Select Complete, On track or At risk" in html and "Enter a commentary on progress" in html
    assert not models.ProgressUpdate.objects.exists()


def test_update_of_one_milestone(small_plan, client_as):
    milestone = models.Milestone.objects.get(action__ref="6.7", letter="c")
    post_update(client_as("programme_officer"), "6.7", milestone=str(milestone.id), status="At risk", commentary="Agenda slot")
    assert models.ProgressUpdate.objects.get().milestone == milestone


def test_lead_officer_updates_own_action_only(small_plan, client_as):
    client = client_as("lead_officer")
    models.Officer.objects.filter(initials="JHB").update(user=User.objects.get(username="lead_officer"))
    assert "Save update" in client.get(reverse("plan:action", args=["6.7"])).content.decode()
    assert post_update(client, "6.7", commentary="Sheets out in 2 days").status_code == 302
    assert "Save update" not in client.get(reverse("plan:action", args=["2.10"])).content.decode()
    assert post_update(client, "2.10").status_code == 403
    assert models.ProgressUpdate.objects.filter(action__ref="2.10").count() == 0


def test_councillor_may_not_update(small_plan, client_as):
    assert post_update(client_as("councillor"), "2.10").status_code == 403


def test_overview_as_at_a_past_day_derives_status_then(small_plan, client):
    html = client.get(reverse("plan:overview"), {"as_at": "2017-12-12", "status": "Overdue"}).content.decode()
    assert "6.7" in html and ">2.10<" not in html  # 2.10 falls due at the end of December
    assert "12 December 2017" in html


def test_overview_reports_a_bad_as_at_date(small_plan, client):
    html = client.get(reverse("plan:overview"), {"as_at": "12/12/2017"}).content.decode()
    assert "Enter the date as year-month-day" in html and 'href="#as_at"' in html


def test_overview_links_to_the_month_after_its_as_at_day(small_plan, client):
    html = client.get(reverse("plan:overview"), {"as_at": "2017-11-20"}).content.decode()
    assert reverse("plan:timetabled") + "?month=2017-12" in html
