"""Fixtures for the cross-cutting tests: roles, the permission matrix, reliability and browser journeys."""

import os

import pytest

from lineofsight.accounts.permissions import PUBLIC, ROLES

ALL_ROLES = (*ROLES, PUBLIC)

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a thread
# with a running loop unless told this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def token_for(user_with_role):
    """A bearer token for a new user of one role: ``token_for("councillor")``."""
    import hashlib
    import secrets

    from lineofsight.accounts.queries import create_token

    def make(role: str, username: str | None = None) -> str:
        user = user_with_role(role, username=username or f"{role}-machine")
        raw = secrets.token_urlsafe(24)
        create_token(user, "test", hashlib.sha256(raw.encode()).hexdigest())
        return raw

    return make
