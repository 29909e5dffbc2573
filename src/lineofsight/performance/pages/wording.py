"""Numbers and changes in words, by the indicator's unit and polarity: one place for pages and packs."""

from __future__ import annotations

from datetime import date

from lineofsight.core.formatting import month_label

POLARITY_WORDS = {
    "higher_is_better": "Higher is better",
    "lower_is_better": "Lower is better",
    "in_range": "Good within a range",
}
UNIT_WORDS = {"percent": "percentage", "number": "count", "days": "days", "rate": "rate", "ratio": "ratio"}


def value_text(value: float | None, unit: str) -> str:
    """How a value reads: percentages to one place, counts whole unless they are not.

    >>> value_text(67.66, "percent"), value_text(17.0, "number"), value_text(16.5, "number"), value_text(413, "days")
    ('67.7%', '17', '16.5', '413 days')
    >>> value_text(None, "percent")
    ''
    """
    if value is None:
        return ""
    if unit == "percent":
        return f"{value:,.1f}%"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text} days" if unit == "days" else text


def count_text(value: float | None) -> str:
    """
    >>> count_text(12.0), count_text(None), count_text(2.5)
    ('12', '', '2.5')
    """
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _step(unit: str, size: float) -> str:
    if unit == "percent":
        return f"{size:,.1f} percentage points"
    if unit == "days":
        return f"{count_text(round(size, 1))} days"
    return count_text(round(size, 1))


def change_text(latest: float | None, previous: float | None, unit: str, polarity: str | None, since: date | None) -> str:
    """The change since the month before, saying whether it is better or worse.

    >>> change_text(67.7, 78.5, "percent", "higher_is_better", date(2017, 9, 1))
    'Down 10.8 percentage points since Sep 2017 (worse)'
    >>> change_text(18, 23, "percent", "lower_is_better", date(2017, 9, 1))
    'Down 5.0 percentage points since Sep 2017 (better)'
    >>> change_text(17, 17, "number", "lower_is_better", date(2017, 9, 1))
    'No change since Sep 2017'
    >>> change_text(17, None, "number", None, None)
    'No earlier month to compare'
    """
    if latest is None or previous is None:
        return "No earlier month to compare"
    since_text = f" since {month_label(since)}" if since else ""
    difference = latest - previous
    if abs(difference) < 1e-9:
        return f"No change{since_text}"
    direction = "Up" if difference > 0 else "Down"
    good = {"higher_is_better": 1, "lower_is_better": -1}.get(polarity or "", 0)
    verdict = "" if not good else (" (better)" if difference * good > 0 else " (worse)")
    return f"{direction} {_step(unit, abs(difference))}{since_text}{verdict}"


def polarity_text(polarity: str | None) -> str:
    """
    >>> polarity_text("lower_is_better"), polarity_text(None)
    ('Lower is better', 'No polarity set, so no RAG rating')
    """
    return POLARITY_WORDS.get(polarity or "", "No polarity set, so no RAG rating")
