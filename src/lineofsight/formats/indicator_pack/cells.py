"""Reading single cells of a pack: month headings, published values, RAG words, commentary prose."""

import datetime as dt
import re

from lineofsight.formats.indicator_pack.records import PublishedValue

MONTHS = {name: number for number, name in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
RAG_WORDS = {"red": "red", "amber": "amber", "yellow": "amber", "green": "green", "grey": "grey", "gray": "grey"}
POLARITY_WORDS = {"bib": "higher_is_better", "sib": "lower_is_better"}
MONTH_HEADER = re.compile(r"^([A-Za-z]{3})[a-z]*[-\s']?(\d{2}|\d{4})?$")
VALUE = re.compile(r"^([<>]?)\s*(-?[\d,]*\.?\d+)\s*(%?)\s*(\(.*\))?$")
TAGS = re.compile(r"<[^>]+>")


def month_heading(cell: str, year: int | None) -> dt.date | None:
    """
    >>> month_heading("Oct-17", None), month_heading("Feb", 2017), month_heading("Target", 2017)
    (datetime.date(2017, 10, 1), datetime.date(2018, 2, 1), None)
    """
    match = MONTH_HEADER.match(cell.strip())
    if not match or match.group(1).lower() not in MONTHS:
        return None
    month = MONTHS[match.group(1).lower()]
    if match.group(2):
        found = int(match.group(2))
        return dt.date(found + 2000 if found < 100 else found, month, 1)
    if year is None:
        return None
    return dt.date(year if month >= 4 else year + 1, month, 1)


def published_value(text: str, month: dt.date) -> PublishedValue | None:
    """A published cell: a number with its % and note, or words standing in for a number.

    >>> published_value("79% (6m+)", dt.date(2017, 4, 1))
    PublishedValue(month=datetime.date(2017, 4, 1), text='79% (6m+)', number=79.0, percent=True, note='(6m+)')
    >>> published_value("Awaiting Data - under development", dt.date(2017, 4, 1)).number is None
    True
    >>> published_value("7o%", dt.date(2017, 4, 1)) is None
    True
    """
    match = VALUE.match(text)
    if match:
        return PublishedValue(month, text, float(match.group(2).replace(",", "")), bool(match.group(3)), match.group(4) or "")
    if re.match(r"^[A-Za-z]", text) and not re.match(r"^[A-Za-z]?\d", text):
        return PublishedValue(month, text, None)
    return None


def prose(html: str) -> str:
    """Commentary as plain paragraphs: the pack's <p> tags become blank lines."""
    return TAGS.sub("", re.sub(r"</p>\s*<p>", "\n\n", html)).strip()
