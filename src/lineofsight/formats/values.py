"""Turning source text into typed values: dates, flags, numbers. Each converter returns (value, complaint)."""

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
# Excel counts days from 1899-12-30 (so that its 1900 leap-year bug cancels out for dates after February 1900).
_EXCEL_EPOCH = date(1899, 12, 30)

YES = {"y", "yes", "true", "1", "a) yes"}
NO = {"n", "no", "false", "0", "b) no"}


@lru_cache(maxsize=65536)
def parse_date(text: str) -> tuple[date | None, str | None]:
    """Read a date written as ISO (``2024-03-31``, with or without a time) or UK style (``31/03/2024``).

    Returns ``(date, None)``, ``(None, None)`` for blank, or ``(None, complaint)``.

    >>> parse_date("2024-03-31")
    (datetime.date(2024, 3, 31), None)
    >>> parse_date("31/03/2024 09:15")
    (datetime.date(2024, 3, 31), None)
    >>> parse_date("31/02/2018")[1]
    "'31/02/2018' is not a real date"
    >>> parse_date("soon")[1]
    "'soon' is not a date in the form YYYY-MM-DD or DD/MM/YYYY"
    """
    text = text.strip()
    if not text:
        return None, None
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _UK.match(text)
        if not match:
            return None, f"'{text}' is not a date in the form YYYY-MM-DD or DD/MM/YYYY"
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day), None
    except ValueError:
        return None, f"'{text}' is not a real date"


def excel_serial_date(serial: float) -> date:
    """A date from an Excel serial number.

    >>> excel_serial_date(45382)
    datetime.date(2024, 3, 31)
    """
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def date_from_cell(value) -> tuple[date | None, str | None]:
    """A spreadsheet cell holding a date, a datetime, an Excel serial number or text."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel's largest date is 9999-12-31
            return excel_serial_date(value), None
        return None, f"{value} is not a date"
    return parse_date(str(value))


def parse_flag(text: str) -> tuple[str | None, str | None]:
    """Yes/no in any of the forms the returns use, as the store's ``Y``/``N``.

    >>> [parse_flag(t)[0] for t in ("Y", "true", "1", "b) No", "", "NA")]
    ['Y', 'Y', 'Y', 'N', None, 'NA']
    >>> parse_flag("maybe")[1]
    "'maybe' is not yes or no"
    """
    text = text.strip()
    if not text:
        return None, None
    lowered = text.lower()
    if lowered in YES:
        return "Y", None
    if lowered in NO:
        return "N", None
    if lowered in {"na", "c) unknown", "unknown"}:
        return "NA", None
    return None, f"'{text}' is not yes or no"


def parse_int(text: str) -> tuple[int | None, str | None]:
    """A whole number.

    >>> parse_int("3"), parse_int("3.0"), parse_int("three")[1]
    ((3, None), (3, None), "'three' is not a whole number")
    """
    text = text.strip()
    if not text:
        return None, None
    try:
        number = float(text)
    except ValueError:
        return None, f"'{text}' is not a whole number"
    if number != int(number):
        return None, f"'{text}' is not a whole number"
    return int(number), None


def parse_float(text: str) -> tuple[float | None, str | None]:
    """A number.

    >>> parse_float("0.5"), parse_float("")
    ((0.5, None), (None, None))
    """
    text = text.strip()
    if not text:
        return None, None
    try:
        return float(text), None
    except ValueError:
        return None, f"'{text}' is not a number"


def parse_text(text: str) -> tuple[str | None, str | None]:
    text = text.strip()
    return (text or None), None


CONVERTERS = {"date": parse_date, "flag": parse_flag, "int": parse_int, "float": parse_float, "text": parse_text}
