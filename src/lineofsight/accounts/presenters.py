"""Audit rows as the audit log page shows them."""

from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


def _text(value) -> str:
    if value is None or value == "":
        return "(blank)"
    return str(value)


def changed_fields(before: dict | None, after: dict | None) -> list[FieldChange]:
    """The fields whose value differs, in name order; a created object shows all its fields.

    >>> changed_fields({"status": "At risk", "ref": "2.1"}, {"status": "On track", "ref": "2.1"})
    [FieldChange(field='status', before='At risk', after='On track')]
    >>> changed_fields(None, {"name": "x"})
    [FieldChange(field='name', before='(blank)', after='x')]
    """
    before, after = before or {}, after or {}
    return [
        FieldChange(key, _text(before.get(key)), _text(after.get(key)))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


class AuditEventPresenter:
    def __init__(self, event):
        self.event = event
        self.at = timezone.localtime(event.at).strftime("%-d %b %Y %H:%M:%S")
        self.who = event.username or "system"
        self.kind = event.get_kind_display()
        self.object = f"{event.object_type} {event.object_id}".strip()
        self.summary = event.summary
        self.changes = changed_fields(event.before, event.after)
