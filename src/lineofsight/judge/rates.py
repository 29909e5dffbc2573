"""Counts are stored, rates derived (judging.md §1): value = numerator / denominator × factor.

Periods longer than a month sum numerators and denominators before dividing; percentages are never
averaged.
"""

from collections.abc import Iterable

FACTORS = {"percent": 100.0, "percentage": 100.0, "rate_per_1000": 1_000.0, "rate_per_10000": 10_000.0, "rate_per_100000": 100_000.0, "average": 1.0, "ratio": 1.0}
PLAIN_UNITS = {"count", "number", "days", "weeks"}


def derive_value(numerator, denominator, unit: str) -> float | None:
    """The value an indicator shows, from its stored counts.

    >>> derive_value(67, 99, "percent")
    67.67676767676768
    >>> derive_value(3, 12000, "rate_per_10000")
    2.5
    >>> derive_value(249, None, "count")
    249.0
    >>> derive_value(5, 0, "percent") is None
    True
    >>> derive_value(7280, 13, "days")
    560.0
    """
    if numerator is None:
        return None
    if unit in PLAIN_UNITS and denominator is None:
        return float(numerator)
    if denominator is None:
        if unit in FACTORS and unit not in ("average", "ratio"):
            return None
        return float(numerator)
    if denominator == 0:
        return None
    factor = FACTORS.get(unit, 1.0)
    return numerator / denominator * factor


def aggregate(rows: Iterable, unit: str | None = None) -> tuple[float | None, float | None, float | None]:
    """Sum numerators and denominators over a period, then derive: ``(numerator, denominator, value)``.

    Rows are ``(numerator, denominator)`` pairs or objects/dicts with those names. Rows without a
    numerator are skipped (a missing month is not a zero). Without a ``unit``, rows with
    denominators are a percentage and rows without are a count.

    >>> aggregate([(45, 50), (5, 50)])
    (50.0, 100.0, 50.0)
    >>> aggregate([(3, None), (4, None)])
    (7.0, None, 7.0)
    >>> aggregate([])
    (None, None, None)
    """
    numerator = denominator = None
    for row in rows:
        num, den = _pair(row)
        if num is None:
            continue
        numerator = (numerator or 0.0) + float(num)
        if den is not None:
            denominator = (denominator or 0.0) + float(den)
    if unit is None:
        unit = "count" if denominator is None else "percent"
    return numerator, denominator, derive_value(numerator, denominator, unit)


def _pair(row):
    if isinstance(row, dict):
        return row.get("numerator"), row.get("denominator")
    if isinstance(row, (tuple, list)):
        return row[0], row[1]
    return row.numerator, row.denominator
