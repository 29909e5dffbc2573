"""Packs as spreadsheets: one sheet per area, numbers stored as numbers, symbols as text."""

from __future__ import annotations

import io
import re

import xlsxwriter

from lineofsight.core.formatting import month_label
from lineofsight.reports.packs import Pack

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: 31 characters, none of []:*?/\\, unique.

    >>> sheet_name("Children in need of help and protection", set())
    'Children in need of help and pr'
    """
    base = _BAD_SHEET_CHARS.sub("-", name)[:31] or "Sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def workbook(pack: Pack) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": f"{pack.title}, {month_label(pack.month)}", "company": getattr(pack.org, "name", "")})
    bold = book.add_format({"bold": True})
    header = book.add_format({"bold": True, "bg_color": "#F3F2F1", "bottom": 2, "text_wrap": True, "valign": "top"})
    number = book.add_format({"num_format": "#,##0.0##"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    used: set[str] = set()
    about = book.add_worksheet(sheet_name("About", used))
    about.write(0, 0, pack.title, bold)
    about.write(1, 0, f"{getattr(pack.org, 'name', '')}, {month_label(pack.month)}")
    about.write(2, 0, pack.audience_text)
    if pack.is_public:
        about.write(3, 0, "c = confidential: a small number suppressed to protect individuals (see the Suppressed sheet).")
    for name, caption, columns, rows in pack.sheets:
        sheet = book.add_worksheet(sheet_name(name, used))
        sheet.write(0, 0, caption, bold)
        for col, text in enumerate(columns):
            sheet.write_string(2, col, str(text), header)
        for r, row in enumerate(rows, start=3):
            for col, value in enumerate(row):
                if isinstance(value, bool) or value is None:
                    sheet.write_blank(r, col, None)
                elif isinstance(value, (int, float)):
                    sheet.write_number(r, col, value, number)
                else:
                    sheet.write_string(r, col, str(value), wrap if len(str(value)) > 40 else None)
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 1, 45)
        sheet.set_column(2, max(len(columns) - 1, 2), 12)
        sheet.freeze_panes(3, 2)
    if pack.is_public:
        sheet = book.add_worksheet(sheet_name("Suppressed", used))
        for col, text in enumerate(["Ref", "Row", "Figure", "Reason"]):
            sheet.write_string(0, col, text, header)
        for r, entry in enumerate(pack.suppression_log, start=1):
            for col, key in enumerate(["ref", "month", "column", "reason"]):
                sheet.write_string(r, col, str(entry[key]))
    book.close()
    return buffer.getvalue()
