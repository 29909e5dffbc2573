"""Lifting conclusions, recommendations, resolutions, actions and work-programme requests out of one item's minutes.

The item's minutes text stays whole; the lifted entries are copies, word for word, with only their
list markers (``i.``, ``1.``, ``-``) taken off and line breaks inside one entry joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADINGS = [
    ("conclusions", re.compile(r"^(?:conclusions?|the (?:sub-)?committee(?: reached| came to)? the following conclusions?)\s*:?\s*$", re.I)),
    ("recommendations", re.compile(r"^(?:recommendations?|.*\brecommend(?:s|ed|ation)?\b.*\bthat\s*:|.*\bthe following recommendations?\b.*:)\s*$", re.I)),
    ("resolutions", re.compile(r"^(?:resolved|agreed|decision|decisions?)\b[^.]*:?\s*(?:that\s*:?)?$|^resolved\b.*:\s*$", re.I)),
    ("actions", re.compile(r"^(?:actions?(?: agreed| points| arising)?|agreed actions?)\s*:?\s*$", re.I)),
    ("work_programme_requests", re.compile(r".*add(?:ed)? the following (?:items? )?to the work programme\s*:\s*$", re.I)),
]
_MARKER = re.compile(r"^(?:[-•*–●▪]\s*)?(?:\(?(?P<mark>[ivxlc]{1,6}|\d{1,2}|[a-h])[.)]\s+)(?P<text>.+)$")
_BULLET = re.compile(r"^[-•*–●▪]\s+(?P<text>.+)$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}
_RESOLUTION = re.compile(r"\bRESOLVED\b|\b(?:NOTED|AGREED|ENDORSED|APPROVED)\b")
_ACTION_LINE = re.compile(r"^\s*ACTIONS?\s*[:\-–]\s*(?P<text>.+)$")


@dataclass
class Lifted:
    resolutions: list[str] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    work_programme_requests: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def is_heading(line: str) -> bool:
    """
    >>> is_heading("Conclusions"), is_heading("RESOLVED that the Committee recommend to Cabinet that:")
    (True, True)
    """
    return any(pattern.match(line.strip()) for _, pattern in _HEADINGS)


def list_entry(line: str) -> tuple[str | None, str] | None:
    """``(marker, text)`` when a line starts a list entry, else ``None``.

    >>> list_entry("- ii. The Safeguarding boards to attend.")
    ('ii', 'The Safeguarding boards to attend.')
    >>> list_entry("2. Future reports to include data")
    ('2', 'Future reports to include data')
    >>> list_entry("- A future paper on Family Hubs")
    (None, 'A future paper on Family Hubs')
    >>> list_entry("The Chair thanked officers.") is None
    True
    """
    match = _MARKER.match(line)
    if match:
        return match.group("mark"), match.group("text").strip()
    match = _BULLET.match(line)
    if match:
        return None, match.group("text").strip()
    return None


def marker_value(marker: str | None) -> int | None:
    """
    >>> marker_value("iv"), marker_value("3"), marker_value("b")
    (4, 3, 2)
    """
    if marker is None:
        return None
    if marker.isdigit():
        return int(marker)
    if marker in _ROMAN:
        return _ROMAN[marker]
    return ord(marker) - ord("a") + 1


def split_inline_list(text: str) -> list[str]:
    """A list flattened onto one line by a web page: "- A … - B …" becomes two entries.

    >>> split_inline_list("- A future paper on Family Hubs. - A further update on the ‘Amplified Analysis’ stage.")
    ['A future paper on Family Hubs.', 'A further update on the ‘Amplified Analysis’ stage.']
    """
    parts = re.split(r"(?:^|\s)[-•]\s+(?=[A-Z‘'\"])", text.strip())
    return [part.strip() for part in parts if part.strip()]


def lift(paragraphs: list[str]) -> Lifted:
    """Walk an item's paragraphs, copying list entries under the headings they sit beneath.

    >>> got = lift(["Officers spoke.", "Conclusions", "i. Further information was required.", "ii. The boards to attend."])
    >>> got.conclusions
    ['Further information was required.', 'The boards to attend.']
    >>> lift(["The Committee NOTED the work programme."]).resolutions
    ['The Committee NOTED the work programme.']
    """
    lifted = Lifted()
    section: str | None = None
    entries: list[str] = []
    last_value: int | None = None
    marked = False

    def close():
        nonlocal section, entries, last_value, marked
        if section is not None:
            getattr(lifted, section).extend(entry for entry in entries if entry)
            if not entries:
                lifted.notes.append(f"a '{section.replace('_', ' ')}' heading had nothing under it")
        section, entries, last_value, marked = None, [], None, False

    for raw in paragraphs:
        line = raw.strip()
        if not line:
            continue
        heading = next((name for name, pattern in _HEADINGS if pattern.match(line)), None)
        if heading:
            close()
            section = heading
            if heading == "recommendations" and _RESOLUTION.search(line):
                lifted.resolutions.append(line)
            continue
        inline = re.match(r"^(?P<head>.*add(?:ed)? the following (?:items? )?to the work programme\s*:)\s*(?P<rest>.+)$", line, re.I)
        if inline:
            close()
            lifted.work_programme_requests.extend(split_inline_list(inline.group("rest")))
            continue
        action = _ACTION_LINE.match(line)
        if action:
            lifted.actions.append(action.group("text").strip())
            continue
        if section is not None:
            entry = list_entry(line)
            if entry is not None:
                marker, text = entry
                value = marker_value(marker)
                # An entry whose number does not follow on is a fresh list (or a heading): start again.
                if marked and value is not None and last_value is not None and value != last_value + 1 and value != 1:
                    lifted.notes.append(f"list numbering jumped from {last_value} to {value} under '{section}'")
                if section == "work_programme_requests" and marker is None:
                    entries.extend(split_inline_list(line))
                else:
                    entries.append(text)
                last_value, marked = value, True
                continue
            if entries and marked and line[:1].islower():
                entries[-1] = f"{entries[-1]} {line}"
                continue
            if not marked:
                # Unnumbered paragraphs under a heading are the entries themselves.
                entries.append(line)
                continue
            close()
        if _RESOLUTION.search(line):
            lifted.resolutions.append(line)
    close()
    return lifted
