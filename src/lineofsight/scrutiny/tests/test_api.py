"""The scrutiny API: meetings with minutes (Part B withheld), recommendations with derived overdue."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lineofsight.scrutiny.models import Attendance, Member, Response
from lineofsight.scrutiny.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    cyp = factories.committee()
    held = factories.meeting(cyp, date(2024, 9, 10))
    public = factories.item(held, "Family Hubs update", number="32/24", minutes="Public minutes.")
    public.conclusions.create(order=1, text="Family Hubs need publicity.")
    factories.item(held, "Placement contract", order=2, number="35/24", part="B", exempt_paragraph="Paragraph 3", minutes="Exempt detail.")
    absent, sub = Member.objects.create(name="Holly Ramsey"), Member.objects.create(name="Samir Dwesar")
    Attendance.objects.create(meeting=held, member=absent, kind="apologies")
    Attendance.objects.create(meeting=held, member=sub, kind="substitute", substitute_for=absent)
    return held


def test_meetings_list_is_public(client, meeting):
    body = client.get("/api/v1/meetings").json()
    assert [m["id"] for m in body["meetings"]] == [meeting.pk]
    assert body["meetings"][0]["date"] == "2024-09-10"


def test_meeting_detail_withholds_part_b_minutes_from_the_public(client, meeting):
    body = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    public, exempt = body["items"]
    assert public["minutes"] == "Public minutes." and public["conclusions"] == ["Family Hubs need publicity."]
    assert (exempt["title"], exempt["exempt_paragraph"], exempt["withheld"], exempt["minutes"]) == ("Placement contract", "Paragraph 3", True, None)
    assert {"name": "Samir Dwesar", "kind": "substitute", "substitute_for": "Holly Ramsey"}.items() <= next(a for a in body["attendance"] if a["kind"] == "substitute").items()


def test_meeting_detail_shows_part_b_to_democratic_services(client_as, meeting):
    body = client_as("democratic_services").get(f"/api/v1/meetings/{meeting.pk}").json()
    assert body["items"][1]["minutes"] == "Exempt detail."


def test_unknown_meeting_is_404(client):
    assert client.get("/api/v1/meetings/999").status_code == 404


def test_overdue_recommendations_are_those_without_response_after_due_date(client):
    cyp = factories.committee()
    old = factories.item(factories.meeting(cyp, timezone.localdate() - timedelta(days=90)))
    overdue = factories.recommendation(old, "That caseloads be reported.")
    answered = factories.recommendation(old, "That a staff representative attend.")
    Response.objects.create(recommendation=answered, outcome="accepted", received=timezone.localdate())
    factories.recommendation(factories.item(factories.meeting(cyp, timezone.localdate() - timedelta(days=5))), "Not yet due.")
    body = client.get("/api/v1/recommendations?status=overdue").json()
    assert [(r["ref"], r["overdue"]) for r in body["recommendations"]] == [(overdue.ref, True)]


def test_unknown_status_is_refused_with_the_allowed_values(client):
    response = client.get("/api/v1/recommendations?status=late")
    assert response.status_code == 422
    assert "overdue" in response.json()["detail"]


def test_draft_imports_are_not_in_the_public_api(client, client_as, meeting):
    meeting.import_state = "draft"
    meeting.save()
    assert client.get(f"/api/v1/meetings/{meeting.pk}").status_code == 404
    assert client.get("/api/v1/meetings").json()["meetings"] == []
    assert client_as("democratic_services").get(f"/api/v1/meetings/{meeting.pk}").status_code == 200
