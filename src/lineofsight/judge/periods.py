"""Months are the base period; quarters and financial years (1 April – 31 March) roll them up (judging.md §6)."""

import datetime as dt


def month_start(day: dt.date) -> dt.date:
    """
    >>> month_start(dt.date(2017, 10, 31))
    datetime.date(2017, 10, 1)
    """
    return day.replace(day=1)


def financial_year(day: dt.date) -> str:
    """The financial year a date falls in, labelled as DfE does.

    >>> financial_year(dt.date(2017, 4, 1)), financial_year(dt.date(2018, 3, 31))
    ('2017-18', '2017-18')
    >>> financial_year(dt.date(2000, 1, 15))
    '1999-00'
    """
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def financial_year_start(label: str) -> dt.date:
    """
    >>> financial_year_start("2017-18")
    datetime.date(2017, 4, 1)
    """
    return dt.date(int(label[:4]), 4, 1)


def financial_quarter(day: dt.date) -> str:
    """Quarter of the financial year: April–June is Q1.

    >>> financial_quarter(dt.date(2017, 10, 1)), financial_quarter(dt.date(2018, 2, 1))
    ('2017-18 Q3', '2017-18 Q4')
    """
    return f"{financial_year(day)} Q{((day.month - 4) % 12) // 3 + 1}"


def add_months(day: dt.date, months: int) -> dt.date:
    """
    >>> add_months(dt.date(2017, 11, 1), 3)
    datetime.date(2018, 2, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month start from ``first`` to ``last``, both included.

    >>> [m.isoformat() for m in months_between(dt.date(2017, 11, 15), dt.date(2018, 1, 2))]
    ['2017-11-01', '2017-12-01', '2018-01-01']
    >>> months_between(dt.date(2018, 1, 1), dt.date(2017, 1, 1))
    []
    """
    months, current, end = [], month_start(first), month_start(last)
    while current <= end:
        months.append(current)
        current = add_months(current, 1)
    return months


def year_to_date(day: dt.date) -> list[dt.date]:
    """Months from April of ``day``'s financial year to ``day``'s month.

    >>> [m.month for m in year_to_date(dt.date(2017, 6, 30))]
    [4, 5, 6]
    """
    return months_between(financial_year_start(financial_year(day)), day)
