"""The admin's view of accounts: tokens and locks managed, the audit trail read-only."""

from django.contrib import admin

from lineofsight.accounts.models import ApiToken, AuditEvent, SignInLock


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "kind", "object_type", "object_id", "summary"]
    list_filter = ["kind", "object_type"]
    search_fields = ["username", "object_id", "summary"]

    # Append-only: the admin may read, never add, change or delete.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    readonly_fields = ["user", "name", "digest", "created_at", "last_used_at"]
    fields = ["user", "name", "created_at", "last_used_at", "revoked"]

    def has_add_permission(self, request):
        return False  # tokens are made with `lineofsight token create`, which shows the token once


@admin.register(SignInLock)
class SignInLockAdmin(admin.ModelAdmin):
    """Deleting a row unlocks the username at once."""

    list_display = ["username", "failures", "last_failure_at", "locked_until"]
    readonly_fields = ["username", "failures", "last_failure_at", "locked_until"]

    def has_add_permission(self, request):
        return False
