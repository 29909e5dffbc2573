from django.utils import timezone

from lineofsight.accounts.models import ApiToken, AuditEvent


def user_for_token_digest(digest: str):
    token = ApiToken.objects.select_related("user").filter(digest=digest, revoked=False).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def audit_events(object_type: str | None = None, limit: int = 200):
    events = AuditEvent.objects.all()
    if object_type:
        events = events.filter(object_type=object_type)
    return events[:limit]
