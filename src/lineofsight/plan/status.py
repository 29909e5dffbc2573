"""Derived progress status: the plan's RAG key (Complete / On track / At risk / Overdue).

People type Complete, On track or At risk; nobody types Overdue. A milestone is Overdue once its
due month has ended (today is after the month's last day) and it is not Complete. An action rolls
up its milestones, and priorities and workstreams roll up their actions the same way.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from datetime import date

COMPLETE = "Complete"
ON_TRACK = "On track"
AT_RISK = "At risk"
OVERDUE = "Overdue"

TYPED_STATUSES = (COMPLETE, ON_TRACK, AT_RISK)
# The plan's key, in its printed order.
STATUSES = (COMPLETE, ON_TRACK, AT_RISK, OVERDUE)
DEFAULT = ON_TRACK

_SEVERITY = {COMPLETE: 0, ON_TRACK: 1, AT_RISK: 2, OVERDUE: 3}


def month_has_ended(month: date | None, today: date) -> bool:
    """True once ``today`` is after the last day of ``month``.

    >>> month_has_ended(date(2017, 12, 1), date(2017, 12, 31))
    False
    >>> month_has_ended(date(2017, 12, 1), date(2018, 1, 1))
    True
    >>> month_has_ended(None, date(2030, 1, 1))
    False
    """
    if month is None:
        return False
    last_day = calendar.monthrange(month.year, month.month)[1]
    return today > month.replace(day=last_day)


def milestone_status(due_month: date | None, typed: str | None, today: date) -> str:
    """A milestone's status: Overdue when its due month has passed unfinished, else what was typed.

    >>> milestone_status(date(2017, 11, 1), None, date(2017, 12, 5))
    'Overdue'
    >>> milestone_status(date(2017, 11, 1), "Complete", date(2017, 12, 5))
    'Complete'
    >>> milestone_status(date(2017, 11, 1), "At risk", date(2017, 11, 30))
    'At risk'
    >>> milestone_status(None, None, date(2017, 11, 30))
    'On track'
    """
    if typed is not None and typed not in TYPED_STATUSES:
        raise ValueError(f"typed status is one of {', '.join(TYPED_STATUSES)}, not {typed!r}")
    if typed != COMPLETE and month_has_ended(due_month, today):
        return OVERDUE
    return typed or DEFAULT


def roll_up(statuses: Iterable[str]) -> str:
    """Overdue if any is; Complete only when all are; else the worse of At risk and On track.

    >>> roll_up(["Complete", "Complete"])
    'Complete'
    >>> roll_up(["Complete", "On track"])
    'On track'
    >>> roll_up(["On track", "At risk", "Complete"])
    'At risk'
    >>> roll_up(["At risk", "Overdue"])
    'Overdue'
    >>> roll_up([])
    'On track'
    """
    statuses = list(statuses)
    if not statuses:
        return DEFAULT
    if all(s == COMPLETE for s in statuses):
        return COMPLETE
    worst = max(statuses, key=_SEVERITY.__getitem__)
    return ON_TRACK if worst == COMPLETE else worst


def counts(statuses: Iterable[str]) -> dict[str, int]:
    """How many of each status, every key present, in the plan's order.

    >>> counts(["Overdue", "Complete", "Overdue"])
    {'Complete': 1, 'On track': 0, 'At risk': 0, 'Overdue': 2}
    """
    tally = Counter(statuses)
    return {status: tally.get(status, 0) for status in STATUSES}


def next_month(month: date) -> date:
    """The first of the month after ``month``.

    >>> next_month(date(2017, 12, 14))
    datetime.date(2018, 1, 1)
    """
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)
