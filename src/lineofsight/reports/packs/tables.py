"""Monthly tables for packs, with public suppression applied through the judge (judging.md §11)."""

from __future__ import annotations

from lineofsight.core.formatting import month_label
from lineofsight.judge.suppression import suppress_table
from lineofsight.performance.pages import wording

VALUE, NUMERATOR, DENOMINATOR = "Value", "Numerator", "Denominator"


def monthly_cells(item, months, *, public: bool, threshold: int):
    """``{month: (text, number or None)}`` for one indicator, and the suppressions made.

    A public pack hides counts of 1 to ``threshold`` (numerators, denominators and plain counts), and
    any rate built on a hidden numerator; the number kept for XLSX is ``None`` where the text is a symbol.
    """
    unit = item.definition.unit
    by_month = {p.month: p for p in item.points}
    table = {}
    for month in months:
        point = by_month.get(month)
        if point is None or point.value is None:
            continue
        row = {}
        if point.denominator is None:
            row[VALUE] = point.value
        else:
            row[VALUE] = point.value
            row[NUMERATOR] = point.numerator
            row[DENOMINATOR] = point.denominator
        table[month_label(month)] = row
    log = []
    shown = {}
    if public and table:
        rates = {VALUE: NUMERATOR} if any(NUMERATOR in r for r in table.values()) else None
        result = suppress_table(table, threshold=threshold, total_row=None, total_column=None, rates=rates)
        for cell in result.log:
            log.append({"ref": item.definition.ref, "title": item.definition.title, "month": cell.row, "column": cell.column, "reason": cell.reason})
        for label, cols in result.cells.items():
            cell = cols[VALUE]
            shown[label] = (cell.symbol, None) if cell.symbol else (wording.value_text(cell.value, unit), cell.value)
    else:
        for label, cols in table.items():
            shown[label] = (wording.value_text(cols[VALUE], unit), cols[VALUE])
    cells = {}
    for month in months:
        label = month_label(month)
        point = by_month.get(month)
        if label in shown:
            cells[month] = shown[label]
        elif point is not None:
            cells[month] = ("No data", None)
        else:
            cells[month] = ("", None)
    return cells, log
