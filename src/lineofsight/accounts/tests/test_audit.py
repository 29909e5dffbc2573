from datetime import timedelta

import pytest
from django.utils import timezone

from lineofsight.accounts.audit import record_change
from lineofsight.accounts.models import AuditEvent


@pytest.fixture
def event(db, user_with_role):
    user = user_with_role("programme_officer", username="po")
    return record_change(user, user, before={"first_name": "Ann"}, after={"first_name": "Anne"}, summary="renamed")


def test_an_audit_row_cannot_be_saved_again(event):
    event.summary = "tampered"
    with pytest.raises(ValueError, match="append-only"):
        event.save()


def test_audit_rows_cannot_be_updated_or_deleted_in_bulk(event):
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.filter(pk=event.pk).update(summary="tampered")
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.all().delete()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).summary == "renamed"


def test_deleting_a_user_keeps_their_audit_rows_by_name(event):
    event.user.delete()
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.user is None and kept.username == "po"


def test_audit_log_shows_before_and_after(event, client_as):
    page = client_as("administrator").get("/accounts/audit/").content.decode()
    assert "Ann" in page and "Anne" in page and "first_name" in page


@pytest.mark.parametrize(
    "query, shown",
    [
        ("?type=auth.user", True),
        ("?type=plan.action", False),
        ("?user=po", True),
        ("?user=someone-else", False),
        ("?since={today}", True),
        ("?until={yesterday}", False),
    ],
)
def test_audit_log_filters_by_type_user_and_date(event, client_as, query, shown):
    today = timezone.localdate()
    url = "/accounts/audit/" + query.format(today=today.isoformat(), yesterday=(today - timedelta(days=1)).isoformat())
    page = client_as("administrator").get(url).content.decode()
    assert ("renamed" in page) is shown


def test_audit_log_explains_a_date_range_the_wrong_way_round(event, client_as):
    page = client_as("administrator").get("/accounts/audit/?since=2026-02-01&until=2026-01-01").content.decode()
    assert "There is a problem" in page and "on or after the start date" in page


@pytest.mark.parametrize("role", ["performance_analyst", "councillor", "democratic_services"])
def test_only_administrators_see_the_audit_log(event, client_as, role):
    assert client_as(role).get("/accounts/audit/").status_code == 403


def test_audit_log_sends_the_anonymous_to_sign_in(event, client):
    response = client.get("/accounts/audit/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_the_admin_shows_the_audit_trail_but_offers_no_change_or_delete(event, user_with_role):
    from django.test import Client

    admin = Client()  # Django's admin pages, not held to our page checks
    admin.force_login(user_with_role("administrator", username="root"))
    listing = admin.get("/admin/accounts/auditevent/")
    assert listing.status_code == 200 and "renamed" in listing.content.decode()
    assert admin.post(f"/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
