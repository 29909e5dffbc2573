"""Small builders for performance test data: an organisation and its monthly values."""

from datetime import date

from lineofsight.performance.models import IndicatorValue, Organisation, PublishedMonth
from lineofsight.performance.queries import values_changed


def organisation(code="TEST", name="Test Borough"):
    return Organisation.objects.get_or_create(code=code, defaults={"name": name})[0]


def month(index: int) -> date:
    """The ``index``-th month from April 2017."""
    total = 2017 * 12 + 3 + index
    return date(total // 12, total % 12 + 1, 1)


def series(org, ref, values, *, denominator=100.0, breakdown="service", key="", label="", version=1, start=0):
    """Monthly values as numerator/denominator; ``None`` leaves a month with no data."""
    rows = []
    for offset, value in enumerate(values):
        numerator = None if value is None else value * denominator / 100 if denominator else value
        rows.append(
            IndicatorValue.objects.create(
                organisation=org, indicator_ref=ref, month=month(start + offset), breakdown=breakdown, breakdown_key=key,
                breakdown_label=label, numerator=numerator, denominator=denominator if denominator else None, value=value,
                no_data_reason="" if value is not None else "No assessments completed", version=version,
            )
        )
    values_changed(org)  # as the engine does: pages rebuild what they kept
    return rows


def publish(org, *months_, version=1):
    for m in months_:
        PublishedMonth.objects.create(organisation=org, month=m, version=version)
