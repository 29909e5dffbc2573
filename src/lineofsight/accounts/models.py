from django.conf import settings
from django.db import models


class Profile(models.Model):
    """What a user's scoped roles reach: the teams a service manager manages."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="los_profile")
    organisation_code = models.CharField(max_length=16, blank=True)
    team_ids = models.JSONField(default=list, blank=True)


class ApiToken(models.Model):
    """A machine client's bearer token; only its SHA-256 digest is kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk ``update()`` and ``delete()`` would bypass ``save()``; the audit trail refuses both."""

    def update(self, **kwargs):
        raise ValueError("audit events are append-only: they cannot be updated")

    def delete(self):
        raise ValueError("audit events are append-only: they cannot be deleted")

    # Bulk writes that rewrite existing rows go the same way.
    def bulk_update(self, objs, fields, batch_size=None):
        raise ValueError("audit events are append-only: they cannot be updated")


class AuditEvent(models.Model):
    """Append-only: who did what to which object, with the state before and after."""

    CHANGE = "change"
    CREATE = "create"
    DELETE = "delete"
    VIEW_CASE_DATA = "view_case_data"
    EXPORT = "export"
    SIGN_IN_FAILED = "sign_in_failed"
    KINDS = [(k, k.replace("_", " ")) for k in (CHANGE, CREATE, DELETE, VIEW_CASE_DATA, EXPORT, SIGN_IN_FAILED)]

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150, blank=True)
    kind = models.CharField(max_length=20, choices=KINDS)
    object_type = models.CharField(max_length=100, db_index=True)
    object_id = models.CharField(max_length=100, blank=True, db_index=True)
    summary = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit events are append-only: they cannot be deleted")


class SignInLock(models.Model):
    """Failed sign-ins counted per username; enough of them in a row lock the name for a while.

    Keyed by the name typed, not the account, so an unknown name is treated like a known one and
    the lock tells an attacker nothing about which accounts exist.
    """

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
