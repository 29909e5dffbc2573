"""Scrutiny records as strings and GOV.UK macro parameters; no database, unit-tested."""

from __future__ import annotations

import re
from datetime import date

from lineofsight.core.formatting import day_label
from lineofsight.scrutiny import deadlines

STATUS_COLOURS = {"awaiting": "grey", "accepted": "blue", "accepted_in_part": "yellow", "rejected": "red", "implemented": "green"}
STATUS_LABELS = {"awaiting": "Awaiting response", "accepted": "Accepted", "accepted_in_part": "Accepted in part", "rejected": "Rejected",
                 "implemented": "Implemented"}
ATTENDANCE_HEADINGS = [("present", "Present"), ("present_virtually", "Present virtually"), ("substitute", "Substitutes"),
                       ("apologies", "Apologies"), ("absent", "Absent"), ("also_present", "Also present"), ("officer", "Officers in attendance")]


def split_refs(text: str) -> list[str]:
    """
    >>> split_refs("CP 5, AMT 2 ,")
    ['CP 5', 'AMT 2']
    """
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def indicator_slug(ref: str) -> str:
    """The performance pages' address for an indicator code.

    >>> indicator_slug("AMT 2"), indicator_slug("LAC 19 (12m)")
    ('amt-2', 'lac-19-12m')
    """
    return re.sub(r"[^a-z0-9]+", "-", ref.lower()).strip("-")


def ref_links(refs: list[str], kind: str) -> list[dict]:
    """Links to the plan action or indicator pages; just the text where no such page is served."""
    from django.urls import NoReverseMatch, reverse

    links = []
    for ref in refs:
        try:
            href = reverse("plan:action", kwargs={"ref": ref}) if kind == "plan" else reverse("performance:indicator", args=[indicator_slug(ref)])
        except NoReverseMatch:
            href = None
        links.append({"text": ref, "href": href})
    return links


def status_tag(status: str, overdue: bool = False) -> dict:
    """Parameters for govukTag.

    >>> status_tag("awaiting", overdue=True)
    {'text': 'Overdue', 'classes': 'govuk-tag--red'}
    >>> status_tag("accepted_in_part")["text"]
    'Accepted in part'
    """
    if overdue:
        return {"text": "Overdue", "classes": "govuk-tag--red"}
    return {"text": STATUS_LABELS.get(status, status), "classes": f"govuk-tag--{STATUS_COLOURS.get(status, 'grey')}"}


def age_label(since: date, today: date) -> str:
    """
    >>> age_label(date(2018, 11, 27), date(2019, 1, 28))
    '62 days'
    >>> age_label(date(2019, 1, 27), date(2019, 1, 28))
    '1 day'
    """
    days = (today - since).days
    return f"{days} day{'s' if days != 1 else ''}"


class RecommendationPresenter:
    def __init__(self, recommendation, today: date):
        self.recommendation = recommendation
        self.ref = recommendation.ref
        self.text = recommendation.text
        responses = list(recommendation.responses.all())
        self.responses = [ResponsePresenter(r) for r in responses]
        self.overdue = deadlines.recommendation_is_overdue(recommendation.response_due, bool(responses), today) and recommendation.status != "implemented"
        self.status_tag = status_tag(recommendation.status, self.overdue)
        self.status_text = "Overdue: no response" if self.overdue else STATUS_LABELS.get(recommendation.status, recommendation.status)
        self.due_label = day_label(recommendation.response_due)
        self.meeting_day = recommendation.meeting.day
        self.age = age_label(self.meeting_day, today)
        self.to_whom = recommendation.get_to_whom_display() + (f" ({recommendation.addressee})" if recommendation.addressee else "")
        item = recommendation.item
        self.plan_action_refs = split_refs(recommendation.plan_action_refs) or split_refs(item.plan_action_refs if item else "")
        self.indicator_refs = split_refs(recommendation.indicator_refs) or split_refs(item.indicator_refs if item else "")
        self.item_label = f"{item.number} {item.title}".strip() if item else ""

    @property
    def plan_action_links(self) -> list[dict]:
        return ref_links(self.plan_action_refs, "plan")

    @property
    def indicator_links(self) -> list[dict]:
        return ref_links(self.indicator_refs, "indicator")

    def as_api(self) -> dict:
        rec = self.recommendation
        return {
            "id": rec.pk, "ref": rec.ref, "committee": rec.committee.name, "meeting_id": rec.meeting_id, "meeting_date": self.meeting_day,
            "item": self.item_label, "to_whom": rec.to_whom, "addressee": rec.addressee, "text": rec.text, "status": rec.status,
            "overdue": self.overdue, "response_due": rec.response_due, "plan_action_refs": self.plan_action_refs, "indicator_refs": self.indicator_refs,
            "responses": [r.as_api() for r in self.responses],
        }


class ResponsePresenter:
    def __init__(self, response):
        self.response = response
        self.outcome = response.get_outcome_display()
        self.summary = f"{self.outcome}, {day_label(response.received)}" + (f", {response.responder}" if response.responder else "")
        self.text = response.text
        self.reason = response.reason

    def as_api(self) -> dict:
        r = self.response
        return {"outcome": r.outcome, "received": r.received, "responder": r.responder, "text": r.text, "reason": r.reason}


def attendance_groups(rows) -> list[dict]:
    """Attendance grouped for display; a substitute reads "X (for Y)".

    >>> class M:
    ...     def __init__(self, name): self.name, self.is_councillor, self.description = name, True, ""
    >>> class A:
    ...     def __init__(self, kind, name, role="", sub=None): self.kind, self.member, self.role, self.substitute_for = kind, M(name), role, sub and M(sub)
    >>> attendance_groups([A("present", "Ann Lee", "chair"), A("substitute", "Sam Dee", sub="Holly Ramsey")])
    [{'heading': 'Present', 'names': ['Councillor Ann Lee (Chair)']}, {'heading': 'Substitutes', 'names': ['Councillor Sam Dee (for Councillor Holly Ramsey)']}]
    """
    groups = []
    for kind, heading in ATTENDANCE_HEADINGS:
        names = [person_label(row) for row in rows if row.kind == kind]
        if names:
            groups.append({"heading": heading, "names": names})
    return groups


def member_label(member) -> str:
    label = f"Councillor {member.name}" if member.is_councillor else member.name
    return f"{label} ({member.description})" if member.description else label


def person_label(row) -> str:
    label = member_label(row.member)
    if row.role:
        label += f" ({row.role.replace('-', ' ').replace('_', ' ').capitalize().replace('Vice chair', 'Vice-Chair')})"
    if row.substitute_for:
        label += f" (for {member_label(row.substitute_for)})"
    return label


class ItemPresenter:
    """One agenda item; Part B minutes are withheld unless the viewer may see them."""

    def __init__(self, item, *, may_see_part_b: bool, today: date):
        self.item = item
        self.id = f"item-{item.pk}"
        self.heading = f"{item.number} {item.title}".strip()
        self.is_part_b = item.part == "B"
        self.withheld = self.is_part_b and not may_see_part_b
        self.exemption = f"Part B: exempt information ({item.exempt_paragraph or 'paragraph not recorded'})" if self.is_part_b else ""
        visible = not self.withheld
        self.purpose = item.purpose if visible else ""
        self.minutes_paragraphs = [p for p in item.minutes.split("\n\n") if p.strip()] if visible else []
        self.minutes_truncated = item.minutes_truncated and visible
        self.conclusions = [c.text for c in item.conclusions.all()] if visible else []
        self.resolutions = [r.text for r in item.resolutions.all()] if visible else []
        self.recommendations = [RecommendationPresenter(r, today) for r in item.recommendations.all()] if visible else []
        self.actions = list(item.actions.all()) if visible else []
        self.plan_action_refs = split_refs(item.plan_action_refs)
        self.indicator_refs = split_refs(item.indicator_refs)
        self.number_note = "number inferred from neighbouring items" if item.number_inferred else ""

    @property
    def plan_action_links(self) -> list[dict]:
        return ref_links(self.plan_action_refs, "plan")

    @property
    def indicator_links(self) -> list[dict]:
        return ref_links(self.indicator_refs, "indicator")

    def as_api(self) -> dict:
        return {
            "number": self.item.number, "title": self.item.title, "order": self.item.order, "part": self.item.part,
            "exempt_paragraph": self.item.exempt_paragraph, "withheld": self.withheld,
            "minutes": None if self.withheld else self.item.minutes, "minutes_truncated": self.item.minutes_truncated,
            "conclusions": self.conclusions, "resolutions": self.resolutions,
            "recommendations": [r.as_api() for r in self.recommendations],
            "plan_action_refs": self.plan_action_refs, "indicator_refs": self.indicator_refs,
        }


def deadline_rows(overdue, today: date) -> list[list[dict]]:
    """Rows for govukTable: meeting, what, due, days late."""
    return [[{"text": f"{o.meeting.committee.name}, {day_label(o.meeting.day)}"}, {"text": o.deadline.what}, {"text": day_label(o.deadline.due)},
             {"text": age_label(o.deadline.due, today)}] for o in overdue]


def chairs_report_text(committee_name: str, year_name: str, meetings: list[dict]) -> str:
    """The chair's yearly report appendix as plain text, to paste into a committee report.

    ``meetings`` is ``[{"date": date, "items": [{"title", "conclusions": [str], "recommendations": [(text, status_text, ref)]}]}]``.

    >>> print(chairs_report_text("CYP Sub-Committee", "2018/19", [{"date": date(2018, 11, 27), "items": [
    ...     {"title": "Plan Update", "conclusions": ["Concerns remained."], "recommendations": [("That evidence be provided.", "Awaiting response", "CYP 18/19 05")]}]}]))
    Conclusions and Recommendations of the CYP Sub-Committee, 2018/19
    <BLANKLINE>
    Meeting Date: 27 November 2018
    <BLANKLINE>
    Item: Plan Update
    <BLANKLINE>
    Conclusions:
    <BLANKLINE>
    1. Concerns remained.
    <BLANKLINE>
    Recommendation:
    <BLANKLINE>
    1. That evidence be provided. [CYP 18/19 05: Awaiting response]
    """
    lines = [f"Conclusions and Recommendations of the {committee_name}, {year_name}"]
    for meeting in meetings:
        lines += ["", f"Meeting Date: {day_label(meeting['date'])}"]
        for entry in meeting["items"]:
            lines += ["", f"Item: {entry['title']}"]
            if entry["conclusions"]:
                lines += ["", "Conclusions:", ""] + [f"{n}. {text}" for n, text in enumerate(entry["conclusions"], start=1)]
            recs = entry["recommendations"]
            if recs:
                lines += ["", "Recommendation:" if len(recs) == 1 else "Recommendations:", ""]
                lines += [f"{n}. {text} [{ref}: {status}]" for n, (text, status, ref) in enumerate(recs, start=1)]
    return "\n".join(lines)


def chairs_report_meetings(meetings, today: date) -> list[dict]:
    """Meetings as the chair's report lists them: only items with conclusions or recommendations, in order.

    Items without either still appear when the meeting has nothing else, so no meeting goes unlisted.
    """
    shaped = []
    for meeting in meetings:
        items = list(meeting.items.all())
        lifted = [i for i in items if i.conclusions.all() or i.recommendations.all()] or items
        shaped.append({
            "date": meeting.day, "meeting": meeting,
            "items": [{
                "title": i.title if i.part == "A" else f"{i.title} (Part B)",
                "conclusions": [c.text for c in i.conclusions.all()] if i.part == "A" else [],
                "recommendations": [(p.text, p.status_text, p.ref) for p in (RecommendationPresenter(r, today) for r in i.recommendations.all())] if i.part == "A" else [],
            } for i in lifted],
        })
    return shaped
