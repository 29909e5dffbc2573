"""Every page goes out with a strict Content-Security-Policy and the security headers."""

import re

import pytest


@pytest.fixture
def home(client, db):
    return client.get("/")


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def test_csp_allows_scripts_only_from_us_or_with_the_page_nonce(home):
    csp = directives(home)
    assert csp["default-src"] == ["'self'"]
    assert set(csp["script-src"]) - {"'self'"} and all(s == "'self'" or s.startswith("'nonce-") for s in csp["script-src"])
    assert "'unsafe-inline'" not in home.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in home.headers["Content-Security-Policy"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"] and csp["base-uri"] == ["'self'"]


def test_every_inline_script_carries_the_nonce_the_header_allows(home):
    nonce = next(s for s in directives(home)["script-src"] if s.startswith("'nonce-"))[len("'nonce-"):-1]
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", home.content.decode())
    assert all(f'nonce="{nonce}"' in attributes for attributes in inline)


def test_security_headers(home):
    assert home.headers["X-Frame-Options"] == "DENY"
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    assert home.headers["Referrer-Policy"] == "same-origin"
    assert home.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_not_readable_by_scripts_or_sent_cross_site(client, user_with_role):
    user_with_role("councillor", username="cllr")
    client.get("/accounts/sign-in/")
    response = client.post("/accounts/sign-in/", {"username": "cllr", "password": "a-long-test-password"})
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_a_form_post_without_the_csrf_token_is_refused(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/sign-in/", {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_password_policy_refuses_short_common_and_numeric_passwords(db):
    from django.contrib.auth.models import User
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = User(username="analyst", first_name="Ada")
    for weak in ["short-1", "password1234", "123456789012345", "analyst12345"]:
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("correct horse battery staple", user)


def test_request_bodies_over_the_limit_are_refused(client, settings, db):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/accounts/sign-in/", {"username": "x" * 4096, "password": "y"})
    assert response.status_code == 400
