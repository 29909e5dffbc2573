"""The plan template (docs/plan-template.md): sheets of rows in, a checked ``PlanData`` out.

Pure: no Django, no files (``template_files`` reads and writes them). ``parse(sheets)`` returns
``(plan, problems)``; a plan with any problem must not be stored.

>>> sheets = {
...     "workstreams": [{"order": "1", "workstream": "Practice", "sro": "PS"}],
...     "officers": [{"initials": "PS", "name": "Philip Segurolo", "job_title": ""}],
...     "priorities": [{"priority": "1", "workstream": "Practice", "title": "Ensure consistent, high quality social work", "sro": "PS"}],
...     "recommendations": [],
...     "actions": [{"ref": "1.1", "action": "Agree a practice model", "lead": "PS", "due": "2017-12"}],
... }
>>> plan, problems = parse(sheets)
>>> problems, plan.actions[0].milestones[0].due_month
([], datetime.date(2017, 12, 1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

SHEETS: dict[str, list[str]] = {
    "actions": ["ref", "issue", "action", "lead", "partners", "milestone", "milestone_text", "due", "ongoing_from", "ongoing"],
    "workstreams": ["order", "workstream", "sro"],
    "priorities": ["priority", "workstream", "title", "sro", "what_good_looks_like", "children_will_say", "staff_will_say", "partners_will_say", "success_measures"],
    "recommendations": ["recommendation", "text", "priorities"],
    "officers": ["initials", "name", "job_title"],
}
# Columns a sheet may leave out; every other column must be in the header.
OPTIONAL = {"issue", "partners", "milestone", "milestone_text", "ongoing_from", "ongoing", "job_title", "what_good_looks_like",
            "children_will_say", "staff_will_say", "partners_will_say", "success_measures", "sro"}
ACTION_COLUMNS = ("issue", "action", "lead", "partners")

REF = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LETTER = re.compile(r"^[a-z]?$")


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int  # as a spreadsheet shows it: the header is row 1
    field: str
    message: str

    def __str__(self):
        return f"{self.sheet}, row {self.row}, {self.field}: {self.message}"


@dataclass
class OfficerRow:
    initials: str
    name: str
    job_title: str = ""


@dataclass
class WorkstreamRow:
    order: int
    name: str
    sro: str = ""


@dataclass
class PriorityRow:
    number: int
    workstream: str
    title: str
    sro: str = ""
    what_good_looks_like: str = ""
    children_will_say: str = ""
    staff_will_say: str = ""
    partners_will_say: str = ""
    success_measures: list[str] = field(default_factory=list)


@dataclass
class RecommendationRow:
    number: int
    text: str
    priorities: list[int] = field(default_factory=list)


@dataclass
class MilestoneRow:
    letter: str = ""
    text: str = ""
    due_month: date | None = None
    ongoing_from: date | None = None
    is_ongoing: bool = False


@dataclass
class ActionRow:
    ref: str
    priority: int
    text: str
    issue: str = ""
    leads: list[str] = field(default_factory=list)
    partners: str = ""
    milestones: list[MilestoneRow] = field(default_factory=list)


@dataclass
class PlanData:
    workstreams: list[WorkstreamRow] = field(default_factory=list)
    officers: list[OfficerRow] = field(default_factory=list)
    priorities: list[PriorityRow] = field(default_factory=list)
    recommendations: list[RecommendationRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)


def ref_sort_key(ref: str) -> int:
    """Sort "2.10" after "2.9".

    >>> sorted(["2.10", "2.9", "10.1"], key=ref_sort_key)
    ['2.9', '2.10', '10.1']
    """
    priority, number = REF.match(ref).groups()
    return int(priority) * 1000 + int(number)


def parse_month(text: str) -> date:
    """``YYYY-MM`` to the first of that month.

    >>> parse_month("2018-02")
    datetime.date(2018, 2, 1)
    """
    match = MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"write the month as YYYY-MM, e.g. 2017-12, not {text!r}")
    return date(int(match.group(1)), int(match.group(2)), 1)


def format_month(value: date | None) -> str:
    return value.strftime("%Y-%m") if value else ""


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class _Checker:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, sheet, row, column, message):
        self.problems.append(Problem(sheet, row, column, message))

    def integer(self, sheet, row, column, value):
        try:
            return int(value)
        except ValueError:
            self.add(sheet, row, column, f"write a whole number, not {value!r}")
            return None

    def month(self, sheet, row, column, value):
        if not value:
            return None
        try:
            return parse_month(value)
        except ValueError as error:
            self.add(sheet, row, column, str(error))
            return None


def _numbered(rows):
    return [(index + 2, {key: ("" if value is None else str(value)).strip() for key, value in row.items()}) for index, row in enumerate(rows)]


def parse(sheets: dict[str, list[dict]], known_officers: frozenset[str] = frozenset()) -> tuple[PlanData, list[Problem]]:
    """Check every sheet; ``known_officers`` are initials already stored, usable without an officers row."""
    check = _Checker()
    for sheet, columns in SHEETS.items():
        if sheet not in sheets:
            check.add(sheet, 1, "(sheet)", f"the {sheet} sheet is missing")
            continue
        rows = sheets[sheet]
        header = set(getattr(rows, "header", None) or (rows[0].keys() if rows else columns))
        for column in columns:
            if column not in OPTIONAL and column not in header:
                check.add(sheet, 1, column, f"the column {column!r} is missing")
    if check.problems:
        return PlanData(), check.problems
    plan = PlanData()
    officers = _officers(sheets["officers"], check, plan)
    known = officers | set(known_officers)
    workstreams = _workstreams(sheets["workstreams"], check, plan, known)
    priorities = _priorities(sheets["priorities"], check, plan, known, workstreams)
    _recommendations(sheets["recommendations"], check, plan, priorities)
    _actions(sheets["actions"], check, plan, known, priorities)
    return plan, check.problems


def _officers(rows, check, plan):
    seen = set()
    for number, row in _numbered(rows):
        initials = row.get("initials", "")
        if not initials:
            check.add("officers", number, "initials", "give the officer's initials")
            continue
        if initials in seen:
            check.add("officers", number, "initials", f"{initials} is listed twice")
            continue
        if not row.get("name"):
            check.add("officers", number, "name", f"give {initials}'s name")
        seen.add(initials)
        plan.officers.append(OfficerRow(initials, row.get("name", ""), row.get("job_title", "")))
    return seen


def _known(check, sheet, number, column, initials, known):
    if initials and initials not in known:
        check.add(sheet, number, column, f"unknown lead officer {initials!r}: add them to the officers sheet")


def _workstreams(rows, check, plan, known):
    names = set()
    for number, row in _numbered(rows):
        order = check.integer("workstreams", number, "order", row.get("order", ""))
        name = row.get("workstream", "")
        if not name:
            check.add("workstreams", number, "workstream", "give the workstream's name")
        elif name in names:
            check.add("workstreams", number, "workstream", f"{name!r} is listed twice")
        _known(check, "workstreams", number, "sro", row.get("sro", ""), known)
        names.add(name)
        plan.workstreams.append(WorkstreamRow(order or 0, name, row.get("sro", "")))
    return names


def _priorities(rows, check, plan, known, workstreams):
    numbers = set()
    for number, row in _numbered(rows):
        priority = check.integer("priorities", number, "priority", row.get("priority", ""))
        if priority in numbers:
            check.add("priorities", number, "priority", f"priority {priority} is listed twice")
        if row.get("workstream") not in workstreams:
            check.add("priorities", number, "workstream", f"unknown workstream {row.get('workstream')!r}")
        if not row.get("title"):
            check.add("priorities", number, "title", "give the priority's title")
        _known(check, "priorities", number, "sro", row.get("sro", ""), known)
        numbers.add(priority)
        plan.priorities.append(PriorityRow(
            priority or 0, row.get("workstream", ""), row.get("title", ""), row.get("sro", ""),
            row.get("what_good_looks_like", ""), row.get("children_will_say", ""), row.get("staff_will_say", ""),
            row.get("partners_will_say", ""), split_lines(row.get("success_measures", "")),
        ))
    return numbers


def _recommendations(rows, check, plan, priorities):
    seen = set()
    for number, row in _numbered(rows):
        value = check.integer("recommendations", number, "recommendation", row.get("recommendation", ""))
        if value in seen:
            check.add("recommendations", number, "recommendation", f"recommendation {value} is listed twice")
        seen.add(value)
        linked = []
        for part in filter(None, (p.strip() for p in row.get("priorities", "").split(";"))):
            linked_number = check.integer("recommendations", number, "priorities", part)
            if linked_number is not None and linked_number not in priorities:
                check.add("recommendations", number, "priorities", f"unknown priority {linked_number}")
            linked.append(linked_number)
        plan.recommendations.append(RecommendationRow(value or 0, row.get("text", ""), linked))


def _yes_no(check, number, value):
    lowered = value.lower()
    if lowered in ("", "no", "n", "false"):
        return False
    if lowered in ("yes", "y", "true"):
        return True
    check.add("actions", number, "ongoing", f"write yes or leave blank, not {value!r}")
    return False


def _actions(rows, check, plan, known, priorities):
    finished: set[str] = set()
    current: ActionRow | None = None
    first: dict = {}
    for number, row in _numbered(rows):
        ref = row.get("ref", "")
        match = REF.match(ref)
        if not match:
            check.add("actions", number, "ref", f"write the ref as priority.number, e.g. 2.10, not {ref!r}")
            continue
        if current is None or current.ref != ref:
            if ref in finished:
                check.add("actions", number, "ref", f"duplicate ref {ref}: keep an action's rows together, once")
                continue
            if current is not None:
                finished.add(current.ref)
            priority = int(match.group(1))
            if priority not in priorities:
                check.add("actions", number, "ref", f"priority {priority} is not in the priorities sheet")
            leads = [part.strip() for part in row.get("lead", "").split("/") if part.strip()]
            for initials in leads:
                _known(check, "actions", number, "lead", initials, known)
            if not row.get("action"):
                check.add("actions", number, "action", f"give the text of action {ref}")
            current = ActionRow(ref, priority, row.get("action", ""), row.get("issue", ""), leads, row.get("partners", ""))
            first = row
            plan.actions.append(current)
        else:
            for column in ACTION_COLUMNS:
                if row.get(column) and row.get(column) != first.get(column):
                    check.add("actions", number, column, f"differs from the first row of action {ref}: leave it blank or repeat it")
        letter = row.get("milestone", "").lower()
        if not LETTER.match(letter):
            check.add("actions", number, "milestone", f"write one letter a–z or leave blank, not {letter!r}")
        if any(m.letter == letter for m in current.milestones):
            check.add("actions", number, "milestone", f"duplicate milestone {ref}{letter}")
        current.milestones.append(MilestoneRow(
            letter, row.get("milestone_text", ""),
            check.month("actions", number, "due", row.get("due", "")),
            check.month("actions", number, "ongoing_from", row.get("ongoing_from", "")),
            _yes_no(check, number, row.get("ongoing", "")),
        ))


def to_sheets(plan: PlanData) -> dict[str, list[dict]]:
    """The inverse of ``parse``: rows ready to write, one action row per milestone."""
    actions = []
    for action in plan.actions:
        for index, milestone in enumerate(action.milestones):
            head = {"ref": action.ref, "issue": action.issue, "action": action.text, "lead": "/".join(action.leads), "partners": action.partners}
            if index:
                head = {**{column: "" for column in ACTION_COLUMNS}, "ref": action.ref}
            actions.append({**head, "milestone": milestone.letter, "milestone_text": milestone.text,
                            "due": format_month(milestone.due_month), "ongoing_from": format_month(milestone.ongoing_from),
                            "ongoing": "yes" if milestone.is_ongoing else ""})
    return {
        "actions": actions,
        "workstreams": [{"order": str(w.order), "workstream": w.name, "sro": w.sro} for w in plan.workstreams],
        "priorities": [{"priority": str(p.number), "workstream": p.workstream, "title": p.title, "sro": p.sro,
                        "what_good_looks_like": p.what_good_looks_like, "children_will_say": p.children_will_say,
                        "staff_will_say": p.staff_will_say, "partners_will_say": p.partners_will_say,
                        "success_measures": "\n".join(p.success_measures)} for p in plan.priorities],
        "recommendations": [{"recommendation": str(r.number), "text": r.text, "priorities": "; ".join(str(n) for n in r.priorities)}
                            for r in plan.recommendations],
        "officers": [{"initials": o.initials, "name": o.name, "job_title": o.job_title} for o in plan.officers],
    }
