from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lineofsight.accounts import lockout
from lineofsight.accounts.models import ApiToken, AuditEvent, SignInLock


def user_for_token_digest(digest: str):
    token = ApiToken.objects.select_related("user").filter(digest=digest, revoked=False).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def audit_events(object_type: str | None = None, username: str | None = None, since=None, until=None, limit: int | None = 200):
    """Audit rows, newest first; ``since``/``until`` are dates, both ends included."""
    events = AuditEvent.objects.all()
    if object_type:
        events = events.filter(object_type=object_type)
    if username:
        events = events.filter(username__iexact=username)
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    return events if limit is None else events[:limit]


def audit_object_types() -> list[str]:
    return sorted(set(AuditEvent.objects.values_list("object_type", flat=True).distinct()))


# --- API tokens -------------------------------------------------------------------------------


def user_named(username: str):
    return get_user_model().objects.filter(username=username).first()


def create_token(user, name: str, digest: str) -> ApiToken:
    return ApiToken.objects.create(user=user, name=name, digest=digest)


def live_tokens(user, name: str | None = None):
    tokens = ApiToken.objects.filter(user=user, revoked=False)
    return tokens.filter(name=name) if name else tokens


def revoke_tokens(user, name: str | None = None) -> list[ApiToken]:
    tokens = list(live_tokens(user, name))
    ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).update(revoked=True)
    return tokens


# --- sign-in lockout --------------------------------------------------------------------------


def locked_until(username: str):
    lock = SignInLock.objects.filter(username=lockout.normalise(username)).first()
    if lock is None or not lockout.is_locked(lock.locked_until, timezone.now()):
        return None
    return lock.locked_until


def count_failure(username: str) -> SignInLock:
    """One more failed sign-in; a name already locked stays locked until its time is up, no longer."""
    now = timezone.now()
    with transaction.atomic():
        lock, _ = SignInLock.objects.select_for_update().get_or_create(username=lockout.normalise(username))
        if lockout.is_locked(lock.locked_until, now):
            return lock
        lock.failures, lock.locked_until = lockout.after_failure(lock.failures, lock.last_failure_at, now)
        lock.last_failure_at = now
        lock.save()
    return lock


def clear_failures(username: str) -> None:
    SignInLock.objects.filter(username=lockout.normalise(username)).delete()
