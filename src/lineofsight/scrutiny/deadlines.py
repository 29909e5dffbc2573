"""When scrutiny paperwork is due: pure date arithmetic, no database.

* **Action sheet:** within 2 working days of the meeting (improvement plan action 6.7a).
* **Draft minutes:** within 10 working days of the meeting (action 6.7b).
* **Executive response:** within two months of the report reaching the executive (LGA 2000 s9FE);
  we count from the meeting that made the recommendation. Councils vary (28 days, eight weeks), so
  each committee may set months or days instead.

Working days follow ADR-002 (``lineofsight.workingdays``): the meeting day is day 0, and a thing
done on its deadline day is on time.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from lineofsight.workingdays import add_working_days

ACTION_SHEET_WORKING_DAYS = 2
DRAFT_MINUTES_WORKING_DAYS = 10
RESPONSE_MONTHS = 2


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clipped to the end of a shorter month.

    >>> add_months(date(2018, 12, 31), 2)
    datetime.date(2019, 2, 28)
    >>> add_months(date(2019, 11, 15), 2)
    datetime.date(2020, 1, 15)
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def action_sheet_due(meeting_day: date, working_days: int = ACTION_SHEET_WORKING_DAYS) -> date:
    """
    >>> action_sheet_due(date(2018, 3, 6))  # Tuesday meeting: Thursday
    datetime.date(2018, 3, 8)
    >>> action_sheet_due(date(2018, 3, 29))  # over Easter
    datetime.date(2018, 4, 4)
    """
    return add_working_days(meeting_day, working_days)


def draft_minutes_due(meeting_day: date, working_days: int = DRAFT_MINUTES_WORKING_DAYS) -> date:
    """
    >>> draft_minutes_due(date(2018, 3, 6))
    datetime.date(2018, 3, 20)
    """
    return add_working_days(meeting_day, working_days)


def response_due(made_on: date, months: int | None = RESPONSE_MONTHS, days: int | None = None) -> date:
    """When the executive's response to a recommendation is due; ``days``, when set, wins over months.

    >>> response_due(date(2018, 11, 27))
    datetime.date(2019, 1, 27)
    >>> response_due(date(2018, 12, 31))  # no 31 February: the end of the month
    datetime.date(2019, 2, 28)
    >>> response_due(date(2018, 11, 27), days=28)
    datetime.date(2018, 12, 25)
    """
    if days is not None:
        return made_on + timedelta(days=days)
    return add_months(made_on, RESPONSE_MONTHS if months is None else months)


@dataclass(frozen=True)
class Deadline:
    """One piece of paperwork a meeting owes: what, when, and whether it is done."""

    what: str
    due: date
    done_on: date | None

    def is_overdue(self, today: date) -> bool:
        """
        >>> Deadline("Draft minutes", date(2018, 3, 20), None).is_overdue(date(2018, 3, 21))
        True
        >>> Deadline("Draft minutes", date(2018, 3, 20), date(2018, 3, 20)).is_overdue(date(2019, 1, 1))
        False
        """
        return self.done_on is None and today > self.due

    def was_late(self) -> bool:
        """
        >>> Deadline("Action sheet", date(2018, 3, 8), date(2018, 3, 9)).was_late()
        True
        """
        return self.done_on is not None and self.done_on > self.due


def meeting_deadlines(meeting_day: date, *, action_sheet_sent: date | None, minutes_published: date | None,
                      action_sheet_days: int = ACTION_SHEET_WORKING_DAYS, minutes_days: int = DRAFT_MINUTES_WORKING_DAYS) -> list[Deadline]:
    """
    >>> [d.due.isoformat() for d in meeting_deadlines(date(2018, 3, 6), action_sheet_sent=None, minutes_published=None)]
    ['2018-03-08', '2018-03-20']
    """
    return [
        Deadline("Action sheet", action_sheet_due(meeting_day, action_sheet_days), action_sheet_sent),
        Deadline("Draft minutes", draft_minutes_due(meeting_day, minutes_days), minutes_published),
    ]


def recommendation_is_overdue(due: date | None, responded: bool, today: date) -> bool:
    """No response by the due date is overdue; a response, however late, ends it.

    >>> recommendation_is_overdue(date(2019, 1, 27), False, date(2019, 1, 28))
    True
    >>> recommendation_is_overdue(date(2019, 1, 27), False, date(2019, 1, 27))
    False
    >>> recommendation_is_overdue(date(2019, 1, 27), True, date(2019, 6, 1))
    False
    """
    return due is not None and not responded and today > due


def municipal_year_name(day: date, starts_month: int = 5) -> str:
    """The municipal year a day falls in, when no year is recorded: May to April by default.

    >>> municipal_year_name(date(2018, 9, 18)), municipal_year_name(date(2019, 3, 12))
    ('2018/19', '2018/19')
    """
    first = day.year if day.month >= starts_month else day.year - 1
    return f"{first}/{str(first + 1)[-2:]}"


def municipal_year_bounds(name: str, starts_month: int = 5) -> tuple[date, date]:
    """
    >>> municipal_year_bounds("2018/19")
    (datetime.date(2018, 5, 1), datetime.date(2019, 4, 30))
    """
    first = int(name[:4])
    return date(first, starts_month, 1), date(first + 1, starts_month, 1) - timedelta(days=1)
