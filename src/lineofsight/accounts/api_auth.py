"""API authentication: a signed-in session, or a bearer token for machine clients; else the public."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from ninja.security import APIKeyHeader
from ninja.utils import check_csrf


class SessionOrToken(APIKeyHeader):
    param_name = "Authorization"

    def __call__(self, request):
        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            user = self.authenticate(request, header.removeprefix("Bearer ").strip())
            if user is None:
                return None  # a wrong token is refused, never downgraded to public
            request.user = user
            return user
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # A session cookie rides along on cross-site requests; a write with it needs the CSRF token too.
            if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and check_csrf(request) is not None:
                return None
            return user
        request.user = AnonymousUser()
        return request.user

    def authenticate(self, request, key):
        from lineofsight.accounts.queries import user_for_token_digest

        if not key:
            return None
        return user_for_token_digest(hashlib.sha256(key.encode()).hexdigest())


def ensure(request, action: str, obj=None) -> None:
    """An endpoint's permission check: 401 for the anonymous, 403 for a signed-in user refused.

    Endpoints call this first (``ensure(request, "performance.view_worker")``); the middleware
    leaves ``/api/`` to them.
    """
    from ninja.errors import HttpError

    from lineofsight.accounts.permissions import may

    if may(request.user, action, obj):
        return
    if not getattr(request.user, "is_authenticated", False):
        raise HttpError(401, "Sign in or send an API token to see this.")
    raise HttpError(403, "Your role does not allow this.")
