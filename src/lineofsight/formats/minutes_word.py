"""Word-made minutes: a header, "Present:"/"Apologies:" lists, PART A/B, items numbered ``n/yy``.

A sample (seed 000, Croydon's Scrutiny & Overview Committee)::

    Scrutiny & Overview Committee
    Meeting of held on Tuesday, 6 March 2018 at 6.30 pm in Council Chamber - Town Hall
    MINUTES
    Present: Councillor Sean Fitzsimons (Chair);
    Apologies: Councillor Carole Bonner
    PART A
    12/18 Children's Improvement Plan Update
    ...
    Conclusions
    - i. Further information was required on the effectiveness ...
"""

from __future__ import annotations

import re

from lineofsight.formats import minutes_body, minutes_people
from lineofsight.formats.minutes_common import _DATE, fill_item, find_date, paragraphs, skip
from lineofsight.formats.minutes_draft import ALSO_PRESENT, PRESENT, ItemDraft, MinutesDraft, Unplaced

_TIME = re.compile(r"\bat\s+(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)", re.I)
_ITEM_NUMBER = re.compile(r"^(?:(?:Minute|Item|Agenda item)\s+(?:No\.?\s*)?)?(?P<number>\d{1,3}/\d{2}(?:\d{2})?|[A-Z]{2,8}/\d{2}/\d{1,3})\.?\s+(?P<title>\S.*)$", re.I)
_ITEM_WORD = re.compile(r"^(?:Agenda\s+)?Item\s+(?P<number>\d{1,3}[a-z]?)\s*[.:\-–]?\s+(?P<title>\S.*)$", re.I)
_NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.?\s+(?P<title>[A-Z].{2,120})$")
_PART = re.compile(r"^(?:AGENDA\s*[–-]\s*)?PART\s+(?P<part>[AB])\b\s*:?\s*$", re.I)
_ATTENDANCE_HEAD = re.compile(
    r"^(?P<head>Present|Members present|Councillors present|Apologies(?: for absence)?|Also present|Also in attendance|In attendance|Officers(?: present| in attendance)?|Substitutes?|Absent|Co-opted members?(?: present)?)\s*:\s*(?P<rest>.*)$",
    re.I,
)
_END = re.compile(r"^(?:The meeting (?:ended|closed|finished)|Meeting (?:ended|closed)|Signed\s*:|Chair\s*:?\s*$)", re.I)


def _header(draft: MinutesDraft, header: list[str]) -> None:
    text = " ".join(line for line in header if line)
    draft.meeting_date = find_date(text)
    time = _TIME.search(text)
    draft.start_time = time.group(1) if time else ""
    venue = re.search(r"\d{4}\s+at\s+[^,]+?\s+in\s+(?P<venue>.+?)(?:\s+MINUTES|$)", text)
    draft.venue = venue.group("venue").strip() if venue else ""
    candidates = [line for line in header if line and not re.search(r"meeting of|held on|^minutes$", line, re.I) and not _DATE.search(line)]
    named = [line for line in candidates if re.search(r"\b(?:committee|sub-committee|panel|board|council|cabinet|forum)\b", line, re.I)]
    draft.committee = (named or candidates or [""])[0]


def read(lines: list[str]) -> MinutesDraft:
    draft = MinutesDraft("word_minutes")
    start = next((i for i, line in enumerate(lines) if line.upper() == "MINUTES"), None)
    if start is not None:
        non_empty = [i for i, line in enumerate(lines[:start]) if line]
        header_from = non_empty[-4] if len(non_empty) >= 4 else 0
        skip(draft, lines[:header_from], "before the minutes")
        _header(draft, lines[header_from:start])
        body = lines[start + 1 :]
    else:
        first_att = next((i for i, line in enumerate(lines) if _ATTENDANCE_HEAD.match(line) or _ITEM_NUMBER.match(line)), len(lines))
        _header(draft, lines[:first_att])
        body = lines[first_att:]

    use_numbered = not any(_ITEM_NUMBER.match(line) for line in body) and not any(_ITEM_WORD.match(line) for line in body)
    if use_numbered:
        draft.notes.append("no n/yy item numbers: items read from numbered headings")
    part = "A"
    attendance_head: str | None = None
    attendance_text: list[str] = []
    item: ItemDraft | None = None
    item_paragraph_lines: list[str] = []
    last_top_number = 0
    list_last: int | None = None
    preamble: list[str] = []

    def flush_attendance():
        nonlocal attendance_head, attendance_text
        if attendance_head:
            # One person per line, unless the line ends mid-list ("…, Stephen Mann and").
            joined = re.sub(r"(,|\band|&)\s*\n\s*", r"\1 ", "\n".join(attendance_text))
            _attendance(draft, attendance_head, joined)
        attendance_head, attendance_text = None, []

    def flush_item():
        nonlocal item, item_paragraph_lines
        if item is not None:
            fill_item(item, paragraphs(item_paragraph_lines), draft)
            draft.items.append(item)
        item, item_paragraph_lines = None, []

    for index, line in enumerate(body):
        if _END.match(line):
            flush_attendance()
            flush_item()
            rest = [text for text in body[index + 1 :] if text and not re.match(r"^(?:\.+|Date:?|Signed:?|This page is intentionally left blank)$", text, re.I)]
            if rest:
                skip(draft, rest, "after the end of the meeting")
            break
        part_match = _PART.match(line)
        if part_match:
            flush_attendance()
            flush_item()
            part = part_match.group("part").upper()
            continue
        number_match = _ITEM_NUMBER.match(line) or _ITEM_WORD.match(line)
        numbered = _NUMBERED.match(line) if number_match is None and use_numbered else None
        if numbered:
            value = int(numbered.group("number"))
            # In a list, "2." continuing the list is an entry; a heading must follow the last item's number.
            if value != last_top_number + 1 or (list_last is not None and value == list_last + 1):
                numbered = None
        if number_match or numbered:
            flush_attendance()
            flush_item()
            match = number_match or numbered
            if numbered:
                last_top_number = int(numbered.group("number"))
            item = ItemDraft(number=match.group("number"), title=match.group("title").strip(), order=len(draft.items) + 1, part=part)
            list_last = None
            continue
        if item is None:
            head = _ATTENDANCE_HEAD.match(line)
            if head:
                flush_attendance()
                attendance_head, attendance_text = head.group("head"), [head.group("rest")]
                continue
            if line.lower() == "also":
                # Two-column PDF layouts split "Also Present:" around the names.
                flush_attendance()
                attendance_head, attendance_text = "Also present", []
                continue
            if line.lower() in {"present:", "present"} and attendance_head and attendance_head.lower() == "also present":
                continue
            if not line:
                continue
            if attendance_head and not re.match(r"^[A-Z][\w ]{2,40}:", line):
                attendance_text.append(line)
                continue
            flush_attendance()
            if line:
                preamble.append(line)
            continue
        if line:
            entry = minutes_body.list_entry(line)
            if line.endswith(":") or minutes_body.is_heading(line):
                list_last = 0
            elif entry is not None and list_last is not None:
                list_last = minutes_body.marker_value(entry[0]) or list_last + 1
            elif entry is not None:
                list_last = minutes_body.marker_value(entry[0])
            else:
                list_last = None
        item_paragraph_lines.append(line)
    else:
        flush_attendance()
        flush_item()
    if preamble:
        skip(draft, preamble, "between the attendance and the first item")
    return draft


def _attendance(draft: MinutesDraft, head: str, text: str) -> None:
    rejected: list[str] = []
    label = head
    head = head.lower()
    if head.startswith(("apologies", "substitute")):
        draft.attendance += minutes_people.apologies(text, rejected)
    elif head.startswith(("also", "in attendance")):
        draft.attendance += minutes_people.people(text, ALSO_PRESENT, rejected)
    elif head.startswith("officers"):
        draft.attendance += minutes_people.people(text, "officer", rejected)
    elif head.startswith("absent"):
        draft.attendance += minutes_people.people(text, "absent", rejected)
    elif head.startswith("co-opted"):
        for person in minutes_people.people(text, PRESENT, rejected):
            person.is_councillor = False
            draft.attendance.append(person)
    else:
        for person in minutes_people.people(text, PRESENT, rejected):
            # "Councillor A (substitute for Councillor B)" inside the present list.
            sub = re.match(r"^(?:substitute|substituting) for (?:Councillor\s+)?(.+)$", person.description, re.I)
            if sub:
                person.kind, person.substitute_for, person.description = "substitute", sub.group(1).strip(), ""
            draft.attendance.append(person)
    if rejected:
        draft.unplaced.append(Unplaced(where=f"in the '{label}' list, not read as names", text="\n".join(rejected)))
