"""Appending progress updates: checked against the version the editor saw, audited, all or nothing."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from lineofsight.accounts import audit
from lineofsight.plan import models


class EditConflict(Exception):
    """Someone else updated the action after the editor loaded it; nothing was saved."""

    def __init__(self, latest):
        self.latest = latest
        super().__init__("this action was updated by someone else while you were editing it")


def latest_update_id(action) -> int:
    """The version an update form is based on: the id of the action's latest update, 0 for none."""
    latest = models.ProgressUpdate.objects.filter(action=action).order_by("-created_at", "-id").values_list("id", flat=True).first()
    return latest or 0


def milestone_ids(action) -> list[int]:
    return list(models.Milestone.objects.filter(action=action).values_list("id", flat=True))


def milestone_of(action, milestone_id):
    if not milestone_id:
        return None
    return models.Milestone.objects.filter(action=action, pk=milestone_id).first()


@transaction.atomic
def append_update(action, *, user, based_on: int, status: str, commentary: str, evidence_link: str = "", milestone=None):
    """Append one update unless the action moved on since ``based_on``; records the change in the audit log."""
    # Lock the action's row (where the database can) so two saves cannot both pass the version check.
    models.Action.objects.select_for_update().filter(pk=action.pk).first()
    latest = latest_update_id(action)
    if latest != based_on:
        raise EditConflict(models.ProgressUpdate.objects.select_related("author").get(pk=latest))
    before_status = None
    previous = models.ProgressUpdate.objects.filter(action=action, milestone=milestone).order_by("-created_at", "-id").first()
    if previous is not None:
        before_status = previous.status
    author_name = (user.get_full_name() or user.get_username()) if user is not None and user.is_authenticated else ""
    update = models.ProgressUpdate.objects.create(
        action=action, milestone=milestone, status=status, commentary=commentary, evidence_link=evidence_link,
        author=user if user is not None and user.is_authenticated else None, author_name=author_name, created_at=timezone.now(),
    )
    target = f"{action.ref}{milestone.letter if milestone else ''}"
    audit.record_change(
        user, action,
        before={"status": before_status, "based_on_update": based_on or None},
        after=audit.snapshot(update),
        summary=f"Progress on action {target}: {before_status or 'no update'} → {status}",
    )
    return update
