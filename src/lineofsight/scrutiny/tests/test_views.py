"""Scrutiny pages: who sees what, overdue surfacing, forms with error summaries, all changes audited."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lineofsight.accounts.models import AuditEvent
from lineofsight.scrutiny.models import Response, ScrutinyAction
from lineofsight.scrutiny.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def part_b_meeting():
    cyp = factories.committee()
    meeting = factories.meeting(cyp, date(2024, 9, 10))
    factories.item(meeting, "Family Hubs update", minutes="Public discussion of Family Hubs.")
    factories.item(meeting, "Placement contract", order=2, part="B", exempt_paragraph="Paragraph 3", minutes="Exempt price negotiation details.")
    return meeting


def test_committees_list_is_public(client):
    factories.committee()
    response = client.get("/scrutiny/")
    assert response.status_code == 200
    assert "Children &amp; Young People Sub-Committee" in response.content.decode()


def test_public_sees_part_b_title_and_paragraph_but_not_its_minutes(client, part_b_meeting):
    html = client.get(f"/scrutiny/meetings/{part_b_meeting.pk}/").content.decode()
    assert "Placement contract" in html and "Paragraph 3" in html
    assert "Exempt price negotiation" not in html
    assert "Public discussion of Family Hubs" in html


def test_councillor_member_sees_part_b_minutes_of_their_own_committee(client, part_b_meeting, user_with_role):
    user = user_with_role("councillor")
    factories.member_of(part_b_meeting.committee, user=user)
    client.force_login(user)
    assert "Exempt price negotiation" in client.get(f"/scrutiny/meetings/{part_b_meeting.pk}/").content.decode()


def test_councillor_of_another_committee_does_not_see_part_b_minutes(client, part_b_meeting, user_with_role):
    user = user_with_role("councillor")
    factories.member_of(factories.committee("SO", "Scrutiny & Overview Committee"), user=user)
    client.force_login(user)
    assert "Exempt price negotiation" not in client.get(f"/scrutiny/meetings/{part_b_meeting.pk}/").content.decode()


def test_former_member_no_longer_sees_part_b(client, part_b_meeting, user_with_role):
    user = user_with_role("councillor")
    factories.member_of(part_b_meeting.committee, user=user, start=date(2018, 5, 23), end=date(2019, 5, 21))
    client.force_login(user)
    assert "Exempt price negotiation" not in client.get(f"/scrutiny/meetings/{part_b_meeting.pk}/").content.decode()


def test_draft_import_is_hidden_from_the_public(client, part_b_meeting):
    part_b_meeting.import_state = "draft"
    part_b_meeting.save()
    assert client.get(f"/scrutiny/meetings/{part_b_meeting.pk}/").status_code == 404


def test_recommendation_past_due_without_response_shows_overdue_on_committee_page(client):
    cyp = factories.committee()
    old = factories.meeting(cyp, timezone.localdate() - timedelta(days=90))
    rec = factories.recommendation(factories.item(old))
    html = client.get(f"/scrutiny/committees/{cyp.pk}/").content.decode()
    assert rec.ref in html and "Overdue" in html


def test_recommendation_with_a_response_is_not_overdue(client):
    cyp = factories.committee()
    old = factories.meeting(cyp, timezone.localdate() - timedelta(days=90))
    rec = factories.recommendation(factories.item(old))
    Response.objects.create(recommendation=rec, outcome="accepted", received=timezone.localdate())
    assert rec.ref not in client.get(f"/scrutiny/committees/{cyp.pk}/").content.decode()


def test_to_do_lists_a_late_action_sheet_and_needs_democratic_services(client_as, client):
    cyp = factories.committee(deadlines_from=date(2020, 1, 1))
    factories.meeting(cyp, timezone.localdate() - timedelta(days=10), status="held")
    assert client.get("/scrutiny/to-do/").status_code == 302  # anonymous: sign in first
    html = client_as("democratic_services").get("/scrutiny/to-do/").content.decode()
    late = html.split("Paperwork past its deadline</h2>")[1].split("</table>")[0]
    assert "Action sheet" in late
    assert "Draft minutes" not in late  # ten calendar days is fewer than ten working days


def test_to_do_is_refused_to_a_councillor(client_as):
    assert client_as("councillor").get("/scrutiny/to-do/").status_code == 403


def test_adding_a_recommendation_without_text_shows_the_error_summary(client_as):
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 11, 27)))
    response = client_as("democratic_services").post(f"/scrutiny/items/{entry.pk}/recommendations/new/", {"text": "", "to_whom": "cabinet"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Enter the recommendation as the committee agreed it" in html


def test_adding_a_recommendation_numbers_it_and_audits_it(client_as):
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 11, 27)))
    response = client_as("democratic_services").post(f"/scrutiny/items/{entry.pk}/recommendations/new/",
                                                     {"text": "That a staff representative be invited.", "to_whom": "officers", "plan_action_refs": "7.3"})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(object_type="scrutiny.recommendation", summary__contains="CYP 18/19 01").exists()


def test_rejecting_a_recommendation_needs_a_reason(client_as):
    cyp = factories.committee()
    rec = factories.recommendation(factories.item(factories.meeting(cyp, date(2018, 11, 27))))
    client = client_as("democratic_services")
    html = client.post(f"/scrutiny/recommendations/{rec.pk}/responses/new/", {"outcome": "rejected", "received": "2019-01-10"}).content.decode()
    assert "Enter the reason" in html
    assert client.post(f"/scrutiny/recommendations/{rec.pk}/responses/new/", {"outcome": "rejected", "received": "2019-01-10", "reason": "No budget."}).status_code == 302
    rec.refresh_from_db()
    assert rec.status == "rejected"
    assert AuditEvent.objects.filter(object_type="scrutiny.recommendation", summary__contains="Rejected").exists()


def test_editing_is_refused_to_a_councillor(client_as):
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 11, 27)))
    assert client_as("councillor").post(f"/scrutiny/items/{entry.pk}/actions/new/", {"text": "x"}).status_code == 403
    assert not ScrutinyAction.objects.exists()


def test_action_done_needs_evidence(client_as):
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 11, 27)))
    html = client_as("democratic_services").post(f"/scrutiny/items/{entry.pk}/actions/new/", {"text": "Circulate figures", "done": "2018-12-01"}).content.decode()
    assert "Enter the evidence" in html
    assert not ScrutinyAction.objects.exists()


def test_import_page_reads_an_upload_into_a_draft_for_review(client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cyp = factories.committee()
    client = client_as("democratic_services")
    upload = SimpleUploadedFile("m.txt", b"CYP\nheld on 27 November 2018\n\n5/18 Plan\nConclusions\ni. Caseloads were too high.\n")
    response = client.post("/scrutiny/imports/", {"committee": str(cyp.pk), "file": upload})
    assert response.status_code == 302
    review = client.get(response.url)
    assert "Confirm these minutes" in review.content.decode()
    confirmed = client.post(response.url)
    assert confirmed.status_code == 302


def test_import_page_refuses_unreadable_text_with_a_message(client_as):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cyp = factories.committee()
    response = client_as("democratic_services").post("/scrutiny/imports/", {"committee": str(cyp.pk), "file": SimpleUploadedFile("m.txt", b"Hello there")})
    assert "No agenda items were found" in response.content.decode()


def test_import_page_is_refused_to_a_councillor(client_as):
    assert client_as("councillor").get("/scrutiny/imports/").status_code == 403


def test_issue_history_finds_conclusions_by_word(client):
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 9, 18)), minutes="Nothing relevant.")
    entry.conclusions.create(order=1, text="Caseloads in the assessment team remained high.")
    html = client.get(f"/scrutiny/committees/{cyp.pk}/issue-history/?q=caseloads&since=2017").content.decode()
    assert "Caseloads in the assessment team remained high." in html
    assert "1 found" in html


def test_issue_history_bad_since_is_a_clear_message(client):
    html = client.get("/scrutiny/issue-history/?q=caseloads&since=last+year").content.decode()
    assert "Enter &#39;since&#39; as a year" in html or "Enter 'since' as a year" in html


def test_recording_a_declaration_names_the_member_item_and_kind(client_as):
    cyp = factories.committee()
    held = factories.meeting(cyp, date(2019, 2, 5))
    entry = factories.item(held, "Placement contract")
    client = client_as("democratic_services")
    assert client.post(f"/scrutiny/meetings/{held.pk}/declarations/new/", {"member": "Callton Young", "kind": "NRI", "item": str(entry.pk), "text": "School governor."}).status_code == 302
    declaration = held.declarations.get()
    assert (declaration.member.name, declaration.kind, declaration.item) == ("Callton Young", "NRI", entry)
    assert "Callton Young" in client.get(f"/scrutiny/meetings/{held.pk}/").content.decode()


def test_recommendation_page_links_to_the_plan_action_it_concerns(client):
    cyp = factories.committee()
    rec = factories.recommendation(factories.item(factories.meeting(cyp, date(2018, 11, 27))))
    rec.plan_action_refs = "7.1"
    rec.save()
    assert 'href="/plan/actions/7.1/"' in client.get(f"/scrutiny/recommendations/{rec.pk}/").content.decode()


def test_meetings_before_deadlines_from_are_not_chased(client_as):
    cyp = factories.committee(deadlines_from=timezone.localdate())
    factories.meeting(cyp, timezone.localdate() - timedelta(days=30), status="held")
    html = client_as("democratic_services").get("/scrutiny/to-do/").content.decode()
    assert "Action sheet" not in html.split("Paperwork past its deadline</h2>")[1].split("</h2>")[0]
