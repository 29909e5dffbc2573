"""What every minutes layout shares: cleaning text, finding dates, and filling an item from its paragraphs."""

from __future__ import annotations

import html
import re
from datetime import date

from lineofsight.formats import minutes_body, minutes_people
from lineofsight.formats.minutes_draft import ItemDraft, MinutesDraft, Unplaced
from lineofsight.formats.problems import ERROR, WARNING, Problem

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s*,?\s+(\d{4})\b", re.I)
_EXEMPT = re.compile(r"paragraphs?\s+(?P<paras>\d+(?:\s*(?:,|and|&)\s*\d+)*)\s+of\s+(?:Part\s+1\s+of\s+)?Schedule\s+12A", re.I)


def clean_lines(source: str) -> list[str]:
    """Lines with markdown, HTML tags and entity encoding taken off (twice: some pages double-encode).

    >>> clean_lines("#### 53/17 **Update on the Response**  \\nthe 5<sup>th</sup> &amp;amp; more")
    ['53/17 Update on the Response', 'the 5th & more']
    """
    text = source.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</?(?:b|i|u|strong|em|span|p|div|li|ul|ol|font|a)\b[^>]*>", "", text, flags=re.I)
    text = html.unescape(html.unescape(text))
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = line.replace("**", "").replace("__", "")
        lines.append(re.sub(r"[ \t]+", " ", line).strip())
    return lines


def find_date(text: str) -> date | None:
    """The first real date written out in words.

    >>> find_date("Meeting of held on Tuesday, 6 March 2018 at 6.30 pm")
    datetime.date(2018, 3, 6)
    >>> find_date("on 31 February 2018") is None
    True
    """
    for match in _DATE.finditer(text):
        try:
            return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        except ValueError:
            continue
    return None


def check_draft(draft: MinutesDraft, filename: str) -> list[Problem]:
    problems = []
    if not draft.items:
        problems.append(Problem("minutes.no_items", ERROR, filename, None, "items", "No agenda items were found: this does not look like minutes Line of Sight can read."))
    if draft.meeting_date is None:
        problems.append(Problem("minutes.no_date", WARNING, filename, None, "date", "No meeting date was found in the text: give one with --date."))
    if draft.unplaced:
        problems.append(Problem("minutes.unplaced", WARNING, filename, None, "", f"{len(draft.unplaced)} piece(s) of text could not be placed; they are listed for review."))
    return problems


def paragraphs(lines: list[str]) -> list[str]:
    """Join lines into paragraphs at blank lines, except list entries, which stand alone."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if minutes_body.is_heading(line):
            if current:
                paragraphs.append(" ".join(current))
            paragraphs.append(line)
            current = []
            continue
        if current and (minutes_body.list_entry(line) is not None or minutes_body.list_entry(current[0]) is not None):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return _rejoin_page_breaks(paragraphs)


def _rejoin_page_breaks(paragraphs: list[str]) -> list[str]:
    """A paragraph cut by a page break ends without a full stop and goes on in lower case: join it up.

    >>> _rejoin_page_breaks(["A review had been taken on the", "possibility to buy in contractors.", "Next."])
    ['A review had been taken on the possibility to buy in contractors.', 'Next.']
    """
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not joined[-1].rstrip().endswith((".", ":", "?", "!", ";")) and minutes_body.list_entry(paragraph) is None:
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def fill_item(item: ItemDraft, paragraphs: list[str], draft: MinutesDraft) -> None:
    """Minutes text plus the entries lifted out of it, with any declarations and exemptions."""
    item.minutes = "\n\n".join(paragraphs).strip()
    lifted = minutes_body.lift(paragraphs)
    item.resolutions += lifted.resolutions
    item.conclusions += lifted.conclusions
    item.recommendations += lifted.recommendations
    item.actions += lifted.actions
    item.work_programme_requests += lifted.work_programme_requests
    draft.notes += [f"item {item.number or item.title}: {note}" for note in lifted.notes]
    exempt = _EXEMPT.search(item.minutes) or _EXEMPT.search(item.purpose)
    if exempt and item.part == "B":
        item.exempt_paragraph = exempt.group(0)
    if re.search(r"\b(?:disclosures?|declarations?) of interests?\b", item.title, re.I):
        draft.declarations += minutes_people.declarations(item.minutes, item.number)
    elif re.search(r"\bapologies\b", item.title, re.I) and item.minutes:
        draft.attendance += minutes_people.apologies(item.minutes)


def skip(draft: MinutesDraft, lines: list[str], where: str) -> None:
    text = "\n".join(line for line in lines if line).strip()
    if text:
        draft.unplaced.append(Unplaced(where=where, text=text))
