import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts import lockout
from lineofsight.accounts.models import AuditEvent
from lineofsight.accounts.queries import locked_until

SIGN_IN = "/accounts/sign-in/"


def fail(client, username="analyst", password="wrong-password-here"):
    return client.post(SIGN_IN, {"username": username, "password": password})


@pytest.mark.django_db
def test_five_failed_sign_ins_lock_the_username_even_for_the_right_password(client, user_with_role):
    user_with_role("performance_analyst", username="analyst")
    for _ in range(lockout.MAX_FAILURES):
        assert fail(client).status_code == 200
    assert locked_until("analyst") is not None

    response = fail(client, password="a-long-test-password")

    assert response.status_code == 200
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_four_failures_then_the_right_password_signs_in_and_clears_the_count(client, user_with_role):
    user_with_role("performance_analyst", username="analyst")
    for _ in range(lockout.MAX_FAILURES - 1):
        fail(client)

    response = fail(client, password="a-long-test-password")

    assert response.status_code == 302
    client.logout()
    for _ in range(lockout.MAX_FAILURES - 1):
        fail(client)
    assert locked_until("analyst") is None


@pytest.mark.django_db
def test_unknown_usernames_lock_like_known_ones_so_the_lock_reveals_nothing(client):
    for _ in range(lockout.MAX_FAILURES):
        fail(client, username="nobody")
    assert locked_until("NOBODY ") is not None


@pytest.mark.django_db
def test_every_failed_sign_in_is_audited_with_the_name_typed(client, user_with_role):
    user_with_role("councillor", username="cllr")
    fail(client, username="cllr")
    event = AuditEvent.objects.get(kind=AuditEvent.SIGN_IN_FAILED)
    assert event.username == "cllr"
    assert event.user is None
    assert "127.0.0.1" in event.summary


@pytest.mark.django_db
def test_the_lock_holds_for_the_admin_sign_in_too(client, user_with_role, settings):
    settings.AUTHENTICATION_BACKENDS = ["lineofsight.accounts.backends.LockoutModelBackend"]
    user_with_role("administrator", username="boss")
    for _ in range(lockout.MAX_FAILURES):
        fail(client, username="boss")

    admin_client = Client()  # the admin's pages are Django's own, not held to our page checks
    response = admin_client.post(reverse("admin:login"), {"username": "boss", "password": "a-long-test-password"})

    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert "_auth_user_id" not in admin_client.session
