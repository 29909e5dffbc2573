import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from lineofsight.accounts.api_auth import SessionOrToken
from lineofsight.accounts.models import ApiToken, AuditEvent


def bearer(raw):
    return RequestFactory().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def token(db, user_with_role):
    from typer.testing import CliRunner

    from lineofsight.cli.app import app

    user_with_role("performance_analyst", username="etl")
    result = CliRunner().invoke(app, ["token", "create", "etl", "--name", "nightly"])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


def test_token_create_prints_the_token_once_and_stores_only_its_digest(token):
    stored = ApiToken.objects.get(name="nightly")
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {stored.digest, stored.name}
    assert AuditEvent.objects.filter(object_type="accounts.apitoken", kind=AuditEvent.CREATE).exists()


def test_a_token_authenticates_as_its_user(token):
    request = bearer(token)
    request.user = AnonymousUser()
    user = SessionOrToken()(request)
    assert user.username == "etl"
    assert ApiToken.objects.get(name="nightly").last_used_at is not None


def test_a_wrong_token_is_refused_not_downgraded_to_public(token):
    request = bearer(token + "x")
    request.user = AnonymousUser()
    assert SessionOrToken()(request) is None


def test_token_revoke_refuses_the_token_at_once(token):
    from typer.testing import CliRunner

    from lineofsight.cli.app import app

    result = CliRunner().invoke(app, ["token", "revoke", "etl", "--name", "nightly"])
    assert result.exit_code == 0, result.output
    request = bearer(token)
    request.user = AnonymousUser()
    assert SessionOrToken()(request) is None


def test_token_create_for_an_unknown_user_fails(db):
    from typer.testing import CliRunner

    from lineofsight.cli.app import app

    result = CliRunner().invoke(app, ["token", "create", "ghost", "--name", "x"])
    assert result.exit_code == 1
    assert not ApiToken.objects.exists()


def test_a_session_write_to_the_api_without_a_csrf_token_is_refused(db, user_with_role):
    request = RequestFactory().post("/api/v1/anything", data={}, content_type="application/json")
    request.user = user_with_role("performance_analyst")
    request._dont_enforce_csrf_checks = False
    request.COOKIES = {}
    assert SessionOrToken()(request) is None
