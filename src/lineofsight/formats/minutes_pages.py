"""ModernGov pages pasted as text: a meeting page (items in a table) and an agenda-item page (one item).

A meeting page (seed 004) has items between lines holding only ``|``::

    Minutes of the Previous Meeting PDF 170 KB To approve the minutes ... Minutes: The minutes ... |
    |

An agenda-item page (seed 001) is ``Agenda item`` / title / purpose / ``Minutes:`` / text /
``Supporting documents:``.
"""

from __future__ import annotations

import re

from lineofsight.formats.minutes_common import fill_item, find_date
from lineofsight.formats.minutes_draft import ItemDraft, MinutesDraft, Unplaced

_TRUNCATED = re.compile(r"\.{3}\s*view the full minutes text for item\s+(?P<number>\d{1,3}/\d{2,4})\s*\|?\s*$", re.I)
_DOC_SIZE = re.compile(r"\s*\b(?:PDF|DOC|DOCX|XLSX?)\s+\d+(?:\.\d+)?\s*(?:KB|MB)\b", re.I)
_PURPOSE_START = re.compile(r"\s(?=(?:To|For|The|Members|This|That|Report|Reports|Receive|Note|Consider|Members’|An update|A report)\s)")


def _split_title(head: str) -> tuple[str, str, bool]:
    """Title and purpose from a ModernGov table cell; ``True`` when the split was a guess.

    >>> _split_title("Minutes of the Previous Meeting PDF 170 KB To approve the minutes.")
    ('Minutes of the Previous Meeting', 'To approve the minutes.', False)
    >>> _split_title("Apologies for absence To receive any apologies.")
    ('Apologies for absence', 'To receive any apologies.', True)
    """
    head = head.replace("Additional documents:", " ").strip()
    document = _DOC_SIZE.search(head)
    if document:
        return head[: document.start()].strip(), _DOC_SIZE.sub("", head[document.end() :]).strip(), False
    split = _PURPOSE_START.search(head)
    if split:
        return head[: split.start()].strip(), head[split.end() :].strip(), True
    return head.strip(), "", False


def read_meeting_page(lines: list[str]) -> MinutesDraft:
    draft = MinutesDraft("moderngov_meeting_page")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line == "|" or re.match(r"^-{2,}\|", line):
            blocks.append([])
            continue
        blocks[-1].append(line)
    header_lines: list[str] = []
    for block in blocks:
        text_lines = [line for line in block if line]
        if not text_lines:
            continue
        joined = "\n".join(text_lines)
        if "Minutes:" not in joined:
            header_lines += text_lines
            continue
        head, minutes = joined.split("Minutes:", 1)
        head_lines = [line for line in head.split("\n") if line and not re.match(r"^No\.\s*\|", line)]
        header_lines += head_lines[:-1] if len(head_lines) > 1 and re.match(r"^(?:Venue|Contact|Meeting|Date)\b", head_lines[0]) else []
        head_text = head_lines[-1] if head_lines and re.match(r"^(?:Venue|Contact)\b", head_lines[0]) else " ".join(head_lines)
        title, purpose, guessed = _split_title(head_text)
        item = ItemDraft(number="", title=title, purpose=purpose, order=len(draft.items) + 1)
        if guessed:
            draft.notes.append(f"item '{title}': title and purpose split by guess")
        paragraphs = [p.strip().rstrip("|").strip() for p in minutes.strip().split("\n")]
        truncated = _TRUNCATED.search(paragraphs[-1]) if paragraphs else None
        if truncated:
            item.number = truncated.group("number")
            item.minutes_truncated = True
            paragraphs[-1] = paragraphs[-1][: truncated.start()].rstrip() + " …"
            draft.notes.append(f"item {item.number}: the page shows only the start of the minutes; the full text is on the item's own page")
        fill_item(item, [p for p in paragraphs if p], draft)
        draft.items.append(item)
    for line in header_lines:
        venue = re.match(r"^Venue:\s*(.+)$", line)
        if venue:
            draft.venue = venue.group(1).strip()
        elif re.match(r"^(?:Contact|No\.)\b", line) or "|" in line:
            continue
        elif find_date(line) and draft.meeting_date is None:
            draft.meeting_date = find_date(line)
        elif line and not draft.committee and not re.match(r"^-", line):
            draft.committee = line
    _infer_numbers(draft)
    return draft


def _infer_numbers(draft: MinutesDraft) -> None:
    """Number unnumbered items from a numbered neighbour: ModernGov numbers items consecutively."""
    anchor = next(((i, item.number) for i, item in enumerate(draft.items) if re.match(r"^\d+/\d+$", item.number)), None)
    if anchor is None:
        if draft.items:
            draft.notes.append("no item numbers in the text: items are numbered by order only")
        return
    index, number = anchor
    first, year = number.split("/")
    for i, item in enumerate(draft.items):
        if not item.number:
            value = int(first) + (i - index)
            if value < 1:
                continue
            item.number, item.number_inferred = f"{value}/{year}", True
    inferred = [item.number for item in draft.items if item.number_inferred]
    if inferred:
        draft.notes.append(f"item numbers {', '.join(inferred)} inferred from item {number} (consecutive numbering)")


def read_agenda_item_page(lines: list[str]) -> MinutesDraft:
    draft = MinutesDraft("agenda_item_page")
    content = [line for line in lines if line and line.lower() not in {"home > agenda item", "agenda item"}]
    try:
        minutes_at = next(i for i, line in enumerate(content) if re.match(r"^Minutes\s*:", line))
    except StopIteration:
        draft.unplaced.append(Unplaced(where="agenda item page without 'Minutes:'", text="\n".join(content)))
        return draft
    title = content[0] if minutes_at > 0 else ""
    purpose = " ".join(content[1:minutes_at])
    end = next((i for i, line in enumerate(content) if re.match(r"^Supporting documents\s*:", line, re.I)), len(content))
    body_lines = [line for line in lines if line]  # paragraphs are one line each on these pages
    start = body_lines.index(content[minutes_at]) + 1
    stop = body_lines.index(content[end]) if end < len(content) else len(body_lines)
    first = re.sub(r"^Minutes\s*:\s*", "", content[minutes_at])
    paragraphs = ([first] if first else []) + body_lines[start:stop]
    number = re.match(r"^(\d{1,3}/\d{2,4})\.?\s+(.+)$", title)
    item = ItemDraft(number=number.group(1) if number else "", title=number.group(2) if number else title, purpose=purpose, order=1)
    fill_item(item, paragraphs, draft)
    draft.items.append(item)
    documents = content[end + 1 :] if end < len(content) else []
    item.documents = [doc for doc in documents if doc]
    if not item.number:
        draft.notes.append("an agenda-item page carries no item number, date or committee: matched by title when stored")
    return draft
