"""Record changes and case-data access. Every app calls these; nothing else writes AuditEvent."""

from django.forms.models import model_to_dict

from lineofsight.accounts.models import AuditEvent


def snapshot(instance) -> dict:
    """A JSON-safe picture of a model instance's own fields."""
    data = model_to_dict(instance)
    return {key: (value if isinstance(value, (str, int, float, bool, type(None), list, dict)) else str(value)) for key, value in data.items()}


def _actor(user):
    if user is not None and getattr(user, "is_authenticated", False):
        return user, user.get_username()
    return None, ""


def record_change(user, obj, *, before=None, after=None, kind=AuditEvent.CHANGE, summary="") -> AuditEvent:
    actor, username = _actor(user)
    return AuditEvent.objects.create(
        user=actor,
        username=username,
        kind=kind,
        object_type=f"{obj._meta.app_label}.{obj._meta.model_name}",
        object_id=str(obj.pk),
        summary=summary[:300],
        before=before,
        after=after,
    )


def record_access(user, *, kind=AuditEvent.VIEW_CASE_DATA, what: str, detail: str = "") -> AuditEvent:
    actor, username = _actor(user)
    return AuditEvent.objects.create(user=actor, username=username, kind=kind, object_type=what, summary=detail[:300])


def record_sign_in_failure(typed_username: str, summary: str) -> AuditEvent:
    """The actor of a failed sign-in is unknown: the name typed is kept, unlinked to any account."""
    return AuditEvent.objects.create(
        user=None,
        username=typed_username[:150],
        kind=AuditEvent.SIGN_IN_FAILED,
        object_type="auth.user",
        summary=summary[:300],
    )
