"""Database writes for importing an old pack's published indicators (the logic is in ``reported``)."""

from django.db import transaction

from lineofsight.accounts.audit import record_change
from lineofsight.accounts.models import AuditEvent
from lineofsight.performance.models import ActionLogEntry, Commentary, IndicatorValue, Organisation
from lineofsight.performance.queries import values_changed


def replace_reported(
    org_code: str, values: list[dict], actions: list[dict], commentary: list[dict], *, summary: str, org_name: str | None = None
) -> Organisation:
    """Store one pack in one transaction, replacing what an earlier import of the same months stored.

    Replaced: the organisation's reported values for the pack's indicators and months, and imported
    (author-less) commentary for the same indicators and months. Action-log rows are appended unless
    the same row was imported before, so a later pack's status change adds to the history.
    """
    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(code=org_code, defaults={"name": org_name or org_code})
        refs = {value["indicator_ref"] for value in values}
        months = {value["month"] for value in values}
        IndicatorValue.objects.filter(
            organisation=organisation, source=IndicatorValue.REPORTED, indicator_ref__in=refs, month__in=months
        ).delete()
        IndicatorValue.objects.bulk_create(
            IndicatorValue(organisation=organisation, source=IndicatorValue.REPORTED, breakdown=IndicatorValue.SERVICE, **value)
            for value in values
        )
        for action in actions:
            ActionLogEntry.objects.filter(organisation=organisation, author=None, **action).delete()
        ActionLogEntry.objects.bulk_create(ActionLogEntry(organisation=organisation, **action) for action in actions)
        for note in commentary:
            Commentary.objects.filter(
                organisation=organisation, author=None, indicator_ref=note["indicator_ref"], month=note["month"]
            ).delete()
        Commentary.objects.bulk_create(Commentary(organisation=organisation, **note) for note in commentary)
        values_changed(organisation)
        record_change(None, organisation, kind=AuditEvent.CREATE, summary=summary, after={"values": len(values), "actions": len(actions), "commentary": len(commentary)})
    return organisation


def reported_series(org_code: str, indicator_ref: str) -> list[IndicatorValue]:
    return list(
        IndicatorValue.objects.filter(organisation__code=org_code, indicator_ref=indicator_ref, source=IndicatorValue.REPORTED).order_by("month")
    )


def reported_counts(org_code: str) -> dict[str, int]:
    return {
        "values": IndicatorValue.objects.filter(organisation__code=org_code, source=IndicatorValue.REPORTED).count(),
        "actions": ActionLogEntry.objects.filter(organisation__code=org_code).count(),
        "commentary": Commentary.objects.filter(organisation__code=org_code).count(),
    }
