"""The priority indicators pack (Appendix 2): exceptions first, then per area a summary, the table,
a column chart per indicator with its target line, commentary; the action log at the end."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from lineofsight.charts import bar_chart
from lineofsight.core.formatting import month_label
from lineofsight.judge.periods import add_months, months_between
from lineofsight.performance.pages import board as boards
from lineofsight.performance.pages import queries
from lineofsight.performance.pages.presenters import present
from lineofsight.reports.packs import PACKS, Pack
from lineofsight.reports.packs.tables import monthly_cells

POLARITY_SHORT = {"higher_is_better": "BIB", "lower_is_better": "SIB", "in_range": "Range"}
PACK_MONTHS = 7  # Appendix 2 prints April to the pack month; seven months keep the table on a landscape page


def pack_months(month: date | None) -> list[date]:
    """
    >>> [m.month for m in pack_months(date(2017, 10, 1))]
    [4, 5, 6, 7, 8, 9, 10]
    """
    if month is None:
        return []
    return months_between(add_months(month, -(PACK_MONTHS - 1)), month)


def area_summary(items) -> str:
    """One sentence per area from the judge, so the summary never contradicts the table."""
    counts = {}
    for item in items:
        counts.setdefault(item.status, []).append(item.ref)
    parts = []
    for status, word in (("red", "Red"), ("amber", "Amber"), ("green", "Green")):
        if counts.get(status):
            parts.append(f"{len(counts[status])} {word} ({', '.join(counts[status])})")
    other = sum(len(refs) for status, refs in counts.items() if status not in ("red", "amber", "green"))
    if other:
        parts.append(f"{other} without a RAG rating")
    sentence = f"{len(items)} indicator{'s' if len(items) != 1 else ''}: " + "; ".join(parts) + "." if parts else "No indicators."
    concerns = [item.ref for item in items if item.is_concern]
    improvements = [item.ref for item in items if item.is_improvement]
    if concerns:
        sentence += f" A real change for the worse (SPC special cause concern): {', '.join(concerns)}."
    if improvements:
        sentence += f" A real change for the better (SPC special cause improvement): {', '.join(improvements)}."
    return sentence


def _chart(item, months, cells) -> Markup:
    points = [(m.strftime("%b-%y"), cells[m][1]) for m in months]
    if sum(1 for _, v in points if v is not None) == 0:
        return Markup("")
    return Markup(
        bar_chart(
            points,
            title=f"{item.ref}: {item.definition.title}"[:120],
            description=f"{item.definition.title}, whole service, {month_label(months[0])} to {month_label(months[-1])}. The table gives every value.",
            unit=item.definition.unit,
            target=item.target,
            polarity=item.definition.polarity,
        )
    )


def build(org, month: date | None, audience: str, *, threshold: int = 5, today: date | None = None, unpublished: bool = True) -> Pack:
    viewer = boards.Viewer.for_audience(audience, threshold, unpublished)
    board = boards.build(org, viewer, month)
    months = pack_months(board.month)
    public = audience == "public_scrutiny"
    suppression_log = []
    areas = []
    sheets = []
    commentary = {}
    if org is not None and board.month:
        for entry in queries.commentary(org, month=board.month):
            commentary.setdefault(entry.indicator_ref, entry)  # newest first: the first is the latest word
    for area, items in board.areas:
        rows = []
        sheet_rows = []
        for item, presenter in zip(items, present(items, viewer, with_links=False)):
            cells, log = monthly_cells(item, months, public=public, threshold=threshold)
            suppression_log += log
            rows.append(
                {
                    "p": presenter,
                    "polarity": POLARITY_SHORT.get(item.definition.polarity or "", ""),
                    "cells": [cells[m][0] for m in months],
                    "chart": _chart(item, months, cells),
                    "commentary": commentary.get(item.ref),
                    "methodology": item.methodology_text or "; ".join(presenter_bands(item)),
                }
            )
            sheet_rows.append(
                [item.ref, item.definition.title, POLARITY_SHORT.get(item.definition.polarity or "", "")]
                + [cells[m][1] if cells[m][1] is not None else (cells[m][0] or None) for m in months]
                + [item.target, item.owner, presenter.rag["text"], item.methodology_text]
            )
        areas.append({"name": area, "summary": area_summary(items), "rows": rows})
        header = ["Ref", "Indicator", "Polarity"] + [month_label(m) for m in months] + ["Target", "Target owner", "RAG", "RAG methodology"]
        sheets.append((area, f"{area}, {month_label(board.month)}" if board.month else area, header, sheet_rows))
    action_log = _latest_actions(queries.action_log(org)) if org is not None else []
    exceptions = present(board.exceptions, viewer, with_links=False)
    context = {
        "board": board,
        "months": [month_label(m) for m in months],
        "areas": areas,
        "exceptions": exceptions,
        "strengths": present(board.strengths, viewer, with_links=False),
        "action_log": action_log,
        "threshold": threshold,
    }
    if action_log:
        sheets.append(("Action log", "Priority indicators action log", ["Ref", "Indicator", "Action", "When?", "Complete?"],
                       [[a.log_ref, a.indicator_ref, a.action, a.when_text, a.complete] for a in action_log]))
    return Pack("indicators", PACKS["indicators"], org, board.month, audience, "reports/indicators_pack.jinja", context, sheets, suppression_log)


def presenter_bands(item) -> list[str]:
    bands = item.bands
    return bands.describe() if bands is not None and hasattr(bands, "describe") else []


def _latest_actions(entries):
    """The current version of each action-log entry (entries arrive newest first within a ref)."""
    latest = {}
    for entry in entries:
        latest.setdefault(entry.log_ref, entry)
    return sorted(latest.values(), key=lambda e: e.log_ref)
