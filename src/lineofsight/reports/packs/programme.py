"""The programme update (Agenda Item 5): status per workstream with its SRO, the month's achievements
and challenges from recorded progress, areas of strength and underperformance from the judge (citing
indicator refs), and the actions timetabled for next month."""

from __future__ import annotations

from datetime import date

from lineofsight.judge.periods import add_months
from lineofsight.performance.pages import board as boards
from lineofsight.performance.pages.presenters import present
from lineofsight.reports.packs import PACKS, Pack


def _in_month(moment, month: date) -> bool:
    return moment is not None and (moment.year, moment.month) == (month.year, month.month)


def progress_in_month(tree, month: date):
    """Achievements (completed, or on track with a note) and challenges (at risk in the month, or a
    milestone due in the month left unfinished), and how many actions were already overdue before it.

    Long-overdue actions are counted, not listed: the committee asked for less process, more focus.
    """
    achievements, challenges, still_overdue = [], [], 0
    for workstream in tree.workstreams:
        for priority in workstream.priorities:
            for action in priority.actions:
                for update in action.updates:
                    if not _in_month(update.created_at, month) or not update.commentary:
                        continue
                    entry = {"ref": action.ref, "priority": priority.number, "text": update.commentary, "status": update.status}
                    (challenges if update.status == "At risk" else achievements).append(entry)
                if action.status != "Overdue":
                    continue
                missed = [m for m in action.due_in(month) if m.status == "Overdue"]
                if missed:
                    challenges.append({"ref": action.ref, "priority": priority.number, "text": f"Due in {month:%B %Y} and not complete: {action.text}", "status": "Overdue"})
                else:
                    still_overdue += 1
    return achievements, challenges, still_overdue


def build(org, month: date | None, audience: str, *, threshold: int = 5, today: date | None = None, unpublished: bool = True) -> Pack:
    from lineofsight.plan import queries as plan_queries

    viewer = boards.Viewer.for_audience(audience, threshold, unpublished)
    board = boards.build(org, viewer, month) if org is not None else boards.Board(None, None, viewer)
    month = month or board.month
    # Progress is read as it stood at the end of the pack's month, whenever the pack is printed.
    today = today or (add_months(month, 1) if month else date.today())
    tree = None
    achievements = challenges = due_next = []
    still_overdue = 0
    try:
        tree = plan_queries.current_plan_tree(today)
    except plan_queries.NoCurrentPlan:
        tree = None
    next_month = add_months(month, 1) if month else None
    if tree is not None and month is not None:
        achievements, challenges, still_overdue = progress_in_month(tree, month)
        due_next = [{"ref": a.ref, "text": a.text, "leads": a.lead_initials, "milestones": [m.text for m in a.due_in(next_month) if m.text]}
                    for a in plan_queries.actions_due_in_month(next_month, today)]
    strengths = present(board.strengths, viewer, with_links=False)
    concerns = present(board.exceptions, viewer, with_links=False)
    context = {
        "board": board,
        "tree": tree,
        "achievements": achievements,
        "challenges": challenges,
        "still_overdue": still_overdue,
        "strengths": strengths,
        "concerns": concerns,
        "due_next": due_next,
        "next_month": next_month,
        "threshold": threshold,
    }
    sheets = []
    if tree is not None:
        sheets.append(("Workstreams", "Progress by work stream", ["Work stream", "SRO", "Progress RAG"],
                       [[w.name, w.sro.name if w.sro else "", w.status] for w in tree.workstreams]))
    sheets.append(("Indicators", "Areas of strength and underperformance", ["Ref", "Indicator", "Value", "RAG", "Distance to target", "SPC", "Area"],
                   [[p.ref, p.title, p.value_text, p.rag["text"], p.distance_text, p.variation_text, "Strength"] for p in strengths]
                   + [[p.ref, p.title, p.value_text, p.rag["text"], p.distance_text, p.variation_text, "Underperformance"] for p in concerns]))
    if due_next:
        sheets.append(("Next month", "Actions timetabled for next month", ["Action", "Text", "Lead"], [[a["ref"], a["text"], a["leads"]] for a in due_next]))
    return Pack("programme", PACKS["programme"], org, month, audience, "reports/programme_pack.jinja", context, sheets, [])
