"""Rows of cells from whatever holds the pack: its text (tab-separated), CSV, or a spreadsheet."""

import csv
import datetime as dt
import io
from pathlib import Path

from lineofsight.formats.problems import ERROR, Problem

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


def read_rows(source, filename) -> tuple[str, list[tuple[int, list[str]]] | None, list[Problem]]:
    """Every row as (line number, cells), whatever the container."""
    if isinstance(source, Path):
        filename = filename or source.name
        if source.suffix.lower() in SPREADSHEETS:
            return filename, *_spreadsheet_rows(source.read_bytes(), filename)
        try:
            data = source.read_bytes()
        except OSError as error:
            return filename, None, [Problem("file.unreadable", ERROR, filename, None, "", f"The file could not be read: {error.strerror}")]
        source = data
    if isinstance(source, bytes):
        if source[:2] == b"PK" or filename.lower().endswith(SPREADSHEETS):
            return filename, *_spreadsheet_rows(source, filename)
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            source = source.decode("cp1252", errors="replace")
    lines = source.splitlines()
    tabbed = sum("\t" in line for line in lines)
    if filename.lower().endswith(".csv") or (not tabbed and any("," in line for line in lines)):
        return filename, [(number, [cell.strip() for cell in cells]) for number, cells in enumerate(csv.reader(io.StringIO(source)), start=1)], []
    return filename, [(number, [cell.strip() for cell in line.split("\t")]) for number, line in enumerate(lines, start=1)], []


def _spreadsheet_rows(data: bytes, filename: str):
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for every kind of damage
        return None, [Problem("file.spreadsheet", ERROR, filename, None, "", f"The spreadsheet could not be opened: {error}")]
    rows, offset = [], 0
    for sheet in workbook.sheet_names:
        sheet_rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        for number, cells in enumerate(sheet_rows, start=1):
            rows.append((offset + number, [_cell_text(cell) for cell in cells]))
        rows.append((offset + len(sheet_rows) + 1, []))  # a sheet ends a table
        offset += len(sheet_rows) + 1
    return rows, []


def _cell_text(cell) -> str:
    if isinstance(cell, float):
        return f"{cell:g}" if cell == int(cell) else repr(cell)
    if isinstance(cell, (dt.date, dt.datetime)):
        return cell.strftime("%b-%y")  # Excel turns "Apr-17" headings into dates
    return str(cell).strip()
