"""Plan state as words and GOV.UK macro params; no database, tested alone."""

from __future__ import annotations

from datetime import date

from lineofsight.core.formatting import day_label, month_label
from lineofsight.plan import status as plan_status

# The plan's RAG key; the word is always shown, colour only repeats it.
TAG_COLOURS = {
    plan_status.COMPLETE: "govuk-tag--green",
    plan_status.ON_TRACK: "govuk-tag--blue",
    plan_status.AT_RISK: "govuk-tag--orange",
    plan_status.OVERDUE: "govuk-tag--red",
}


def status_tag(status: str) -> dict:
    """Params for govukTag.

    >>> status_tag("Overdue")
    {'text': 'Overdue', 'classes': 'govuk-tag--red'}
    """
    return {"text": status, "classes": TAG_COLOURS[status]}


def milestone_when(milestone) -> str:
    """The "By when" of one milestone, in the plan's own terms.

    >>> from types import SimpleNamespace as M
    >>> milestone_when(M(due_month=date(2017, 12, 1), ongoing_from=None, is_ongoing=False))
    'Dec 2017'
    >>> milestone_when(M(due_month=None, ongoing_from=date(2017, 11, 1), is_ongoing=True))
    'Ongoing from Nov 2017'
    >>> milestone_when(M(due_month=date(2018, 4, 1), ongoing_from=date(2018, 1, 1), is_ongoing=False))
    'Jan 2018 to Apr 2018'
    >>> milestone_when(M(due_month=None, ongoing_from=None, is_ongoing=False))
    'No date set'
    """
    if milestone.is_ongoing and milestone.ongoing_from:
        text = f"Ongoing from {month_label(milestone.ongoing_from)}"
        return f"{text}, review {month_label(milestone.due_month)}" if milestone.due_month else text
    if milestone.is_ongoing:
        return f"Ongoing, review {month_label(milestone.due_month)}" if milestone.due_month else "Ongoing"
    if milestone.ongoing_from and milestone.due_month:
        return f"{month_label(milestone.ongoing_from)} to {month_label(milestone.due_month)}"
    if milestone.due_month:
        return month_label(milestone.due_month)
    return "No date set"


def action_when(action) -> str:
    """Every milestone's date, lettered when there are several.

    >>> from types import SimpleNamespace as M
    >>> action_when(M(milestones=[M(letter="a", due_month=date(2017, 11, 1), ongoing_from=None, is_ongoing=False),
    ...                           M(letter="b", due_month=date(2018, 2, 1), ongoing_from=None, is_ongoing=False)]))
    'a. Nov 2017; b. Feb 2018'
    """
    if len(action.milestones) == 1:
        return milestone_when(action.milestones[0])
    return "; ".join(f"{m.letter + '. ' if m.letter else ''}{milestone_when(m)}" for m in action.milestones)


def summary_text(text: str, limit: int = 160) -> str:
    """The action's opening words for a table row.

    >>> summary_text("Develop and agree a model.")
    'Develop and agree a model.'
    >>> summary_text("word " * 50, limit=20)
    'word word word word…'
    >>> summary_text("To include:\\n• Timescales")
    'To include: Timescales'
    """
    flat = " ".join(text.replace("•", " ").split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def counts_line(counts: dict[str, int]) -> str:
    """
    >>> counts_line({"Complete": 1, "On track": 4, "At risk": 0, "Overdue": 2})
    '1 complete, 4 on track, 0 at risk, 2 overdue'
    """
    return ", ".join(f"{counts.get(s, 0)} {s.lower()}" for s in plan_status.STATUSES)


def month_param(value: date) -> str:
    return value.strftime("%Y-%m")


def lead_items(officers, selected: str) -> list[dict]:
    """Items for the lead officer govukSelect."""
    items = [{"value": "", "text": "Any lead officer", "selected": not selected}]
    items += [{"value": o.initials, "text": f"{o.initials}, {o.name}", "selected": o.initials == selected} for o in officers]
    return items


def status_items(selected: str) -> list[dict]:
    """
    >>> [i["value"] for i in status_items("")]
    ['', 'Complete', 'On track', 'At risk', 'Overdue']
    """
    return [{"value": "", "text": "Any status", "selected": not selected}] + [
        {"value": s, "text": s, "selected": s == selected} for s in plan_status.STATUSES
    ]


def month_items(months: list[date], selected: str) -> list[dict]:
    return [{"value": "", "text": "Any month", "selected": not selected}] + [
        {"value": month_param(m), "text": month_label(m), "selected": month_param(m) == selected} for m in months
    ]


def milestone_items(action, selected: str) -> list[dict]:
    """Radios for what an update is about: the whole action, or one lettered milestone."""
    items = [{"value": "", "text": "The whole action", "checked": not selected}]
    for m in action.milestones:
        if m.letter:
            items.append({"value": str(m.id), "text": f"Milestone {m.letter}: {summary_text(m.text, 80)}", "checked": str(m.id) == selected,
                          "hint": {"text": f"Due {milestone_when(m)}"}})
    return items


def update_rows(action) -> list[dict]:
    """The history of updates, newest first, as lines for a table."""
    rows = []
    for update in reversed(action.updates):
        rows.append({
            "when": day_label(update.created_at),
            "who": update.author or "Unknown",
            "about": f"Milestone {update.milestone_letter}" if update.milestone_letter else "Whole action",
            "status": status_tag(update.status),
            "commentary": update.commentary,
            "evidence": update.evidence_link,
        })
    return rows
