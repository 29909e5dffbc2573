"""The plan as a tree with derived statuses: workstreams → priorities → actions → milestones.

Pure: ``queries`` fetches the rows, this module decides each status (``plan.status``) and rolls
them up, so the pages, the API and the monthly pack all read the same answer.

A milestone's typed status is the latest update on that milestone or on its action as a whole
(an update to the whole action speaks for every milestone in it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from lineofsight.plan import status as plan_status


@dataclass(frozen=True)
class OfficerRef:
    initials: str
    name: str = ""
    job_title: str = ""


@dataclass(frozen=True)
class UpdateNode:
    id: int
    milestone_letter: str | None  # None: the whole action
    status: str
    commentary: str
    evidence_link: str
    author: str
    created_at: datetime


@dataclass
class MilestoneNode:
    id: int
    letter: str
    text: str
    due_month: date | None
    ongoing_from: date | None
    is_ongoing: bool
    typed_status: str | None
    status: str


@dataclass
class ActionNode:
    id: int
    ref: str
    priority_number: int
    issue: str
    text: str
    partners: str
    leads: list[OfficerRef]
    milestones: list[MilestoneNode]
    status: str
    updates: list[UpdateNode] = field(default_factory=list)

    @property
    def lead_initials(self) -> str:
        return "/".join(lead.initials for lead in self.leads)

    @property
    def latest_update(self) -> UpdateNode | None:
        return self.updates[-1] if self.updates else None

    def due_in(self, month: date) -> list[MilestoneNode]:
        return [m for m in self.milestones if m.due_month is not None and (m.due_month.year, m.due_month.month) == (month.year, month.month)]


@dataclass
class PriorityNode:
    number: int
    title: str
    workstream: str
    sro: OfficerRef | None
    actions: list[ActionNode]
    counts: dict[str, int]
    status: str


@dataclass
class WorkstreamNode:
    name: str
    order: int
    sro: OfficerRef | None
    priorities: list[PriorityNode]
    counts: dict[str, int]
    status: str


@dataclass
class PlanTree:
    name: str
    is_current: bool
    review_date: date | None
    today: date
    workstreams: list[WorkstreamNode]
    counts: dict[str, int]
    status: str

    @property
    def actions(self) -> list[ActionNode]:
        return [a for w in self.workstreams for p in w.priorities for a in p.actions]


def build_action(*, id, ref, priority_number, issue, text, partners, leads, milestones, updates, today) -> ActionNode:
    """``milestones``: dicts of id, letter, text, due_month, ongoing_from, is_ongoing; ``updates`` oldest first, each with ``milestone_id``.

    >>> action = build_action(id=1, ref="6.7", priority_number=6, issue="", text="", partners="", leads=[],
    ...     milestones=[dict(id=1, letter="a", text="", due_month=date(2017, 11, 1), ongoing_from=None, is_ongoing=False),
    ...                 dict(id=2, letter="c", text="", due_month=date(2018, 2, 1), ongoing_from=None, is_ongoing=False)],
    ...     updates=[], today=date(2017, 12, 12))
    >>> action.status, [m.status for m in action.milestones]
    ('Overdue', ['Overdue', 'On track'])
    """
    letters = {m["id"]: m["letter"] for m in milestones}
    update_nodes = []
    for update in updates:
        milestone_id = update["milestone_id"]
        update_nodes.append(UpdateNode(update["id"], letters.get(milestone_id) if milestone_id else None, update["status"],
                                       update.get("commentary", ""), update.get("evidence_link", ""), update.get("author", ""),
                                       update["created_at"]))
    milestone_nodes = []
    for m in milestones:
        latest = _latest_typed(m["id"], updates)
        milestone_nodes.append(MilestoneNode(m["id"], m["letter"], m["text"], m["due_month"], m["ongoing_from"], m["is_ongoing"], latest,
                                             plan_status.milestone_status(m["due_month"], latest, today)))
    return ActionNode(id, ref, priority_number, issue, text, partners, list(leads), milestone_nodes,
                      plan_status.roll_up(m.status for m in milestone_nodes), update_nodes)


def _latest_typed(milestone_id, updates) -> str | None:
    latest = None
    for update in updates:  # oldest first, so the last match wins
        if update["milestone_id"] in (None, milestone_id):
            latest = update["status"]
    return latest


def build_priority(*, number, title, workstream, sro, actions) -> PriorityNode:
    statuses = [a.status for a in actions]
    return PriorityNode(number, title, workstream, sro, actions, plan_status.counts(statuses), plan_status.roll_up(statuses))


def build_workstream(*, name, order, sro, priorities) -> WorkstreamNode:
    """A workstream's status rolls up its actions, as Agenda Item 5 §2.1.1 reports one per workstream."""
    statuses = [a.status for p in priorities for a in p.actions]
    return WorkstreamNode(name, order, sro, priorities, plan_status.counts(statuses), plan_status.roll_up(statuses))


def build_plan(*, name, is_current, review_date, today, workstreams) -> PlanTree:
    statuses = [a.status for w in workstreams for p in w.priorities for a in p.actions]
    return PlanTree(name, is_current, review_date, today, workstreams, plan_status.counts(statuses), plan_status.roll_up(statuses))


def filtered(tree: PlanTree, *, lead: str = "", status: str = "", due_month: date | None = None) -> PlanTree:
    """The same tree keeping only matching actions; empty priorities and workstreams drop out, counts stay whole-plan."""
    def keep(action: ActionNode) -> bool:
        return ((not lead or any(o.initials == lead for o in action.leads))
                and (not status or action.status == status)
                and (due_month is None or bool(action.due_in(due_month))))

    workstreams = []
    for workstream in tree.workstreams:
        priorities = [replace(p, actions=[a for a in p.actions if keep(a)]) for p in workstream.priorities]
        priorities = [p for p in priorities if p.actions]
        if priorities:
            workstreams.append(replace(workstream, priorities=priorities))
    return replace(tree, workstreams=workstreams)
