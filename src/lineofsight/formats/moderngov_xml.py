"""A ModernGov ``GetMeeting`` answer (``mgWebService.asmx/GetMeeting?lMeetingId=``) as a minutes draft.

``parse(source) -> (draft, problems)``. A sample of the input (element names are all lower case)::

    <meeting>
      <meetingid>1234</meetingid><meetingdate>06/03/2018</meetingdate><meetingtime>6.30 pm</meetingtime>
      <agendaitems>
        <agendaitem>
          <agendaitemnumber>12/18</agendaitemnumber><agendaitemtitle>Children&amp;amp;#39;s Plan</agendaitemtitle>
          <isrestricted>False</isrestricted>
          <minutesnonemptyhtmlbody>&lt;p&gt;Conclusions&lt;/p&gt;…</minutesnonemptyhtmlbody>
        </agendaitem>
      </agendaitems>
      <attendees><attendee name="Councillor Sean Fitzsimons" roledescription="Chair" attendance="Present"/></attendees>
    </meeting>

Text arrives double-encoded (``&amp;#39;``), so it is decoded twice. Items numbered ``0`` are
headings, not business. Minutes come per item as HTML; conclusions and recommendations are lifted
from them as from any other minutes. Substitutes have no link to whom they replaced in this data.
"""

from __future__ import annotations

import html
import re

from lxml import etree

from lineofsight.formats.minutes_draft import ABSENT, ALSO_PRESENT, APOLOGIES, OFFICER, PRESENT, SUBSTITUTE, ItemDraft, MinutesDraft, PersonEntry
from lineofsight.formats.minutes_common import check_draft, fill_item
from lineofsight.formats.problems import ERROR, Problem
from lineofsight.formats.values import parse_date

_ATTENDANCE = [
    (re.compile(r"substitute", re.I), SUBSTITUTE),
    (re.compile(r"apolog", re.I), APOLOGIES),
    (re.compile(r"^in attendance", re.I), ALSO_PRESENT),
    (re.compile(r"officer", re.I), OFFICER),
    (re.compile(r"absent", re.I), ABSENT),
    (re.compile(r"present|attended", re.I), PRESENT),
]


def decode(text: str | None) -> str:
    """Entities decoded twice, for ModernGov's double encoding.

    >>> decode("Children&amp;#39;s &amp;amp; Young People")
    "Children's & Young People"
    """
    return html.unescape(html.unescape(text or "")).replace("\u00a0", " ").strip()


def html_paragraphs(body: str) -> list[str]:
    """Paragraphs of an HTML minutes body; list items keep a bullet so lists are still lists.

    >>> html_paragraphs("<p>Conclusions</p><ol><li>First.</li><li>Second.</li></ol>")
    ['Conclusions', '- First.', '- Second.']
    """
    text = decode(body)
    text = re.sub(r"<li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"</(?:p|div|li|h\d|tr)>|<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def _text(element, name: str) -> str:
    found = element.find(name)
    return decode(found.text if found is not None else "")


def _person(name: str, role: str, attendance: str) -> PersonEntry | None:
    kind = next((kind for pattern, kind in _ATTENDANCE if pattern.search(attendance)), None)
    if kind is None:  # "Expected" and the like: not an attendance we can record
        return None
    councillor = bool(re.match(r"^(?:Councillor|Cllr)\b", name, re.I))
    name = re.sub(r"^(?:Councillor|Cllr\.?)\s+", "", name, flags=re.I).strip()
    lowered = role.lower()
    chair = "chair" if lowered in {"chair", "chairman"} else "vice-chair" if lowered.startswith("vice") else ""
    return PersonEntry(name=name, kind=kind, is_councillor=councillor or not role or bool(chair) or lowered in {"committee member", "member", "reserve"}, role=chair, description="" if chair or lowered in {"committee member", "member"} else role)


def parse(source: str | bytes, filename: str = "meeting.xml") -> tuple[MinutesDraft, list[Problem]]:
    """Read a GetMeeting document; malformed XML is a problem, never an exception."""
    draft = MinutesDraft("moderngov_xml")
    data = source.encode("utf-8") if isinstance(source, str) else source
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        return draft, [Problem("xml.malformed", ERROR, filename, None, "", f"This is not well-formed XML: {error}")]
    meeting = root if root.tag == "meeting" else root.find(".//meeting")
    if meeting is None:
        return draft, [Problem("xml.no_meeting", ERROR, filename, None, "meeting", "There is no <meeting> element: is this a GetMeeting answer?")]
    when, complaint = parse_date(_text(meeting, "meetingdate").split(" ")[0])
    draft.meeting_date = when
    if complaint:
        draft.notes.append(f"meeting date: {complaint}")
    draft.start_time = _text(meeting, "meetingtime")
    draft.venue = _text(meeting, "meetinglocation")
    draft.committee = _text(meeting, "committeetitle") or _text(root, "committeetitle")
    part = "A"
    for element in meeting.iterfind("agendaitems/agendaitem"):
        number = _text(element, "agendaitemnumber")
        title = _text(element, "agendaitemtitle")
        if number in {"0", ""} and not _text(element, "minutesnonemptyhtmlbody"):
            if re.search(r"\bpart\s*b\b", title, re.I):
                part = "B"
            draft.notes.append(f"heading '{title}' (numbered {number or 'blank'}) kept as a heading, not an item")
            continue
        restricted = _text(element, "isrestricted").lower() == "true"
        item = ItemDraft(number=_text(element, "fulldisplaynumberformat") or number, title=title, order=len(draft.items) + 1, part="B" if restricted or part == "B" else "A")
        item.purpose = " ".join(html_paragraphs(_text(element, "agendatext")))
        reasons = []
        for doc in element.iterfind("linkeddocuments/linkeddoc"):
            item.documents.append(_text(doc, "title") or _text(doc, "url"))
            reason = _text(doc, "restrictionsRef") or _text(doc, "restrictionsref")
            if reason:
                reasons.append(reason)
        paragraphs = html_paragraphs(_text(element, "minutesnonemptyhtmlbody"))
        decision = html_paragraphs(_text(element, "decisionnonemptyhtmlbody"))
        fill_item(item, paragraphs + [p for p in decision if p not in paragraphs], draft)
        if item.part == "B" and not item.exempt_paragraph:
            item.exempt_paragraph = "; ".join(dict.fromkeys(reasons))
        declared = _text(element, "declarationcount")
        if declared.isdigit() and int(declared) > 0 and not any(d.item_number == item.number for d in draft.declarations):
            draft.notes.append(f"item {item.number}: ModernGov counts {declared} declaration(s) but gives no detail: record them on the meeting page")
        draft.items.append(item)
    for attendee in meeting.iterfind("attendees/attendee"):
        person = _person(decode(attendee.get("name")), decode(attendee.get("roledescription")), decode(attendee.get("attendance")))
        if person is None:
            draft.notes.append(f"attendee {decode(attendee.get('name'))}: attendance '{decode(attendee.get('attendance'))}' not recorded")
            continue
        if person.kind == SUBSTITUTE:
            draft.notes.append(f"{person.name} attended as a substitute; ModernGov does not say for whom")
        draft.attendance.append(person)
    return draft, check_draft(draft, filename)
