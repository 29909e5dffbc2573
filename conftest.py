"""Test-wide fixtures: the client checks every HTML page it receives (one <h1>, <title> starts with it, unique ids)."""

import os

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

# CI replays the same examples every run, so a landing is never decided by chance; a developer's
# `make test` keeps exploring new ones (and the edges we know matter are sampled explicitly).
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("LINEOFSIGHT_HYPOTHESIS_PROFILE", "default"))

from lineofsight.core.page_checks import check_page


class CheckingClient(Client):
    def request(self, **request):
        response = super().request(**request)
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 200 and content_type.startswith("text/html") and not getattr(response, "streaming", False):
            check_page(response.content.decode())
        return response


@pytest.fixture(autouse=True)
def fresh_fragments():
    """Each test's database starts again from the same ids: parts kept by an earlier test must not be served."""
    from django.core.cache import caches

    caches["fragments"].clear()


@pytest.fixture
def client():
    return CheckingClient()


@pytest.fixture
def user_with_role(db):
    """Make a signed-in-able user holding one role: ``user_with_role("councillor")``."""
    from django.contrib.auth.models import Group, User

    def make(role: str, username: str | None = None):
        user = User.objects.create_user(username or role, password="a-long-test-password")
        if role == "administrator":
            user.is_superuser = user.is_staff = True
            user.save()
        elif role != "public":
            user.groups.add(Group.objects.get_or_create(name=role)[0])
        return user

    return make


@pytest.fixture
def client_as(client, user_with_role):
    """A client signed in with one role: ``client_as("performance_analyst")``; ``"public"`` stays anonymous."""

    def sign_in(role: str):
        if role != "public":
            client.force_login(user_with_role(role))
        return client

    return sign_in


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing makes each sign-in slow; tests check rules, not the hasher's strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
