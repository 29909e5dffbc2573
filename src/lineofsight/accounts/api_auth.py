"""API authentication: a signed-in session, or a bearer token for machine clients; else the public."""

import hashlib

from django.contrib.auth.models import AnonymousUser
from ninja.security import APIKeyHeader


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
            return user
        request.user = AnonymousUser()
        return request.user

    def authenticate(self, request, key):
        from lineofsight.accounts.queries import user_for_token_digest

        if not key:
            return None
        return user_for_token_digest(hashlib.sha256(key.encode()).hexdigest())
