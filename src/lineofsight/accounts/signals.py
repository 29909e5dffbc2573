"""Failed sign-ins are audited and counted towards a lock; a successful one clears the count."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from lineofsight.accounts import audit, queries


def _client_address(request) -> str:
    # Behind the proxy REMOTE_ADDR is the proxy; we record it anyway rather than trust a header.
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


@receiver(user_login_failed, dispatch_uid="los_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get(get_user_model().USERNAME_FIELD, "") or credentials.get("username", ""))
    was_locked = queries.locked_until(username) is not None
    lock = queries.count_failure(username)
    summary = f"Failed sign-in as {username!r} from {_client_address(request) or 'unknown address'}"
    if was_locked:
        summary += " (while locked)"
    elif lock.locked_until is not None:
        summary += f"; locked until {lock.locked_until:%H:%M %Z} after {lock.failures} failures"
    audit.record_sign_in_failure(username, summary)


@receiver(user_logged_in, dispatch_uid="los_signed_in")
def signed_in(sender, request, user, **kwargs):
    queries.clear_failures(user.get_username())

