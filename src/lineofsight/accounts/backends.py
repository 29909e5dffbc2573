"""Django's model backend, refusing a locked username even with the right password."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from lineofsight.accounts import queries


class LockoutModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is not None and queries.locked_until(username) is not None:
            # PermissionDenied stops every backend and still sends user_login_failed, so it is audited.
            raise PermissionDenied("too many failed sign-ins")
        return super().authenticate(request, username=username, password=password, **kwargs)
