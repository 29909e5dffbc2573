"""The workforce pack (Appendix 3): per team for the month, 12-month trends, and the definitions."""

from __future__ import annotations

from datetime import date

from lineofsight.judge.suppression import suppress_table
from lineofsight.performance.pages import board as boards
from lineofsight.performance.pages.workforce import WorkforcePage
from lineofsight.reports.packs import PACKS, Pack

TOTAL = "Whole service"


def _public_rows(page: WorkforcePage, threshold: int):
    """Suppress small counts per team, with secondary suppression against the whole-service row."""
    counts = {}
    for row in page.rows + ([page.total] if page.total else []):
        counts[row["name"]] = {}
        for column, cell in zip(page.columns, row["cells"]):
            if column["unit"] != "percent":
                try:
                    counts[row["name"]][column["title"]] = float(cell.replace(",", ""))
                except ValueError:
                    counts[row["name"]][column["title"]] = cell
    result = suppress_table(counts, threshold=threshold, total_row=TOTAL, total_column=None)
    log = [{"ref": "Workforce", "title": "", "month": cell.row, "column": cell.column, "reason": cell.reason} for cell in result.log]
    hidden = {(cell.row, cell.column) for cell in result.log}
    for row in page.rows + ([page.total] if page.total else []):
        row["cells"] = ["c" if (row["name"], column["title"]) in hidden else cell for column, cell in zip(page.columns, row["cells"])]
    return log


def build(org, month: date | None, audience: str, *, threshold: int = 5, today: date | None = None, unpublished: bool = True) -> Pack:
    viewer = boards.Viewer.for_audience(audience, threshold, unpublished)
    # Teams are the unit here, so the page's own per-cell check is off and the table is suppressed as a whole.
    page = WorkforcePage.build(org, boards.Viewer(unpublished=viewer.unpublished, unsuppressed=True), month) if org else None
    log = _public_rows(page, threshold) if page is not None and audience == "public_scrutiny" else []
    sheets = []
    if page is not None and page.measures:
        header = ["Team"] + [c["title"] for c in page.columns]
        rows = []
        for row in page.rows + ([page.total] if page.total else []):
            rows.append([row["name"]] + [_number(cell) for cell in row["cells"]])
        sheets.append(("Workforce", f"Workforce by team, {page.month_text}", header, rows))
        for trend in page.trends:
            sheets.append((trend.name, trend.item.definition.title, ["Month", "Value"], [[m, _number(v)] for m, v in trend.rows]))
        sheets.append(("Definitions", "What each measure means", ["Measure", "Definition"], [[d["title"], d["description"]] for d in page.definitions]))
    context = {"page": page, "board": None, "threshold": threshold}
    return Pack("workforce", PACKS["workforce"], org, page.month if page else None, audience, "reports/workforce_pack.jinja", context, sheets, log)


def _number(text):
    """A cell's number for XLSX, or its text (a symbol, "No data") when it has none.

    >>> _number("43.6%"), _number("1,220"), _number("c")
    (43.6, 1220.0, 'c')
    """
    try:
        return float(str(text).replace(",", "").rstrip("%").replace(" days", ""))
    except ValueError:
        return text
