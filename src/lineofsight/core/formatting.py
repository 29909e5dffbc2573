"""How numbers and dates read on a page: one place, used by pages and packs alike."""

from datetime import date, datetime


def month_label(value) -> str:
    """
    >>> month_label(date(2017, 10, 1))
    'Oct 2017'
    """
    if not value:
        return ""
    return value.strftime("%b %Y")


def day_label(value) -> str:
    """
    >>> day_label(date(2018, 3, 6))
    '6 March 2018'
    """
    if not value:
        return ""
    if isinstance(value, datetime):
        return f"{value.day} {value.strftime('%B %Y, %H:%M')}"
    return f"{value.day} {value.strftime('%B %Y')}"


def number(value, places: int = 0) -> str:
    """
    >>> number(1234.5)
    '1,234'
    >>> number(None)
    ''
    """
    if value is None:
        return ""
    return f"{value:,.{places}f}" if places else f"{round(value):,}"


FILTERS = {"month_label": month_label, "day_label": day_label, "number": number}
