"""Working days in England and Wales: Monday to Friday, less bank holidays (substitute and one-off days included).

The counting convention, used everywhere in Line of Sight (ADR-002):

* **Elapsed counting.** The start day is day 0. ``working_days_between(start, end)`` counts the
  working days in (start, end]: a contact received on Monday and decided on Tuesday took 1 working
  day; decided on Monday, 0. A contact received on Saturday and decided on Monday took 1.
* **"Within N working days"** means ``working_days_between(start, end) <= N``; the deadline is
  ``add_working_days(start, N)`` and a thing done on the deadline day is on time.

Bank holidays come from the ``holidays`` package (England subdivision), weekend dates dropped, and
are tested against the gov.uk feed's dates for 2015–2028.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
import numpy as np

FIRST_YEAR = 2012
LAST_YEAR = 2035


@lru_cache(maxsize=1)
def bank_holidays() -> tuple[date, ...]:
    """England and Wales bank holidays on weekdays, FIRST_YEAR to LAST_YEAR."""
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return tuple(sorted(day for day in calendar if day.weekday() < 5))


@lru_cache(maxsize=1)
def _calendar() -> np.busdaycalendar:
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(bank_holidays(), dtype="datetime64[D]"))


def is_working_day(day: date) -> bool:
    """
    >>> is_working_day(date(2018, 4, 2))  # Easter Monday
    False
    >>> is_working_day(date(2020, 5, 4))  # the early May holiday moved to the 8th for VE Day
    True
    """
    return bool(np.is_busday(np.datetime64(day, "D"), busdaycal=_calendar()))


def working_days_between(start: date, end: date) -> int:
    """Working days elapsed from ``start`` (day 0) to ``end``; negative if ``end`` is earlier.

    >>> working_days_between(date(2018, 3, 29), date(2018, 4, 3))  # Thu to Tue over Easter
    1
    """
    return int(np.busday_count(np.datetime64(start + timedelta(days=1), "D"), np.datetime64(end + timedelta(days=1), "D"), busdaycal=_calendar()))


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the deadline for "within ``days``").

    >>> add_working_days(date(2018, 3, 29), 1)  # Good Friday and Easter Monday skipped
    datetime.date(2018, 4, 3)
    >>> add_working_days(date(2017, 12, 23), 0)  # a Saturday: day 0 rolls forward to the next working day
    datetime.date(2017, 12, 27)
    """
    if days == 0:
        return np.busday_offset(np.datetime64(start, "D"), 0, roll="forward", busdaycal=_calendar()).astype(date)
    # Rolling a non-working start back to the working day before it makes the next working day day 1.
    return np.busday_offset(np.datetime64(start, "D"), days, roll="backward", busdaycal=_calendar()).astype(date)


def working_day_arrays():
    """Weekmask and holidays as numpy wants them, for vectorised counting (DuckDB and numpy callers)."""
    return "1111100", np.array(bank_holidays(), dtype="datetime64[D]")
