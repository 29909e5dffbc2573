"""Walking a pack's rows: indicator tables, their commentary, the action log and the front-page RAG list."""

import re

from lineofsight.formats.indicator_pack.cells import (
    POLARITY_WORDS,
    RAG_WORDS,
    TAGS,
    VALUE,
    month_heading,
    prose,
    published_value,
)
from lineofsight.formats.indicator_pack.records import ActionRow, CommentaryRow, IndicatorPack, IndicatorRow
from lineofsight.formats.indicator_pack.sources import read_rows
from lineofsight.formats.problems import ERROR, WARNING, Problem


def parse(source, *, filename: str = "", year: int | None = None) -> tuple[IndicatorPack, list[Problem]]:
    """Read a pack's indicator tables from a path, text, or bytes (XLSX or text).

    ``year`` is the financial year's first calendar year, used when month headings carry no year
    ("Apr" … "Mar").

    >>> text = ("Indicator Number\\tIndicator Title\\tPolarity\\tSep-17\\tOct-17\\t2017-18 Target\\tTarget Owner\\tRAG\\tRAG Methodology\\n"
    ...         "FD 8\\tRe-referrals\\tSIB\\t23%\\t18%\\t22%\\tIL\\tGreen\\t22% or below Green 21% - 25% Amber 26% and above Red\\n")
    >>> pack, problems = parse(text)
    >>> row = pack.indicators[0]
    >>> row.ref, row.polarity, [v.number for v in row.values], row.target, row.rag, problems
    ('FD 8', 'lower_is_better', [23.0, 18.0], 22.0, 'green', [])
    """
    name, rows, problems = read_rows(source, filename)
    if rows is None:
        return IndicatorPack(), problems
    pack = _read(rows, name, year, problems)
    if not pack.indicators and not any(p.is_error for p in problems):
        problems.append(Problem("pack.no_tables", ERROR, name, None, "Indicator Number", "No indicator table found: expected a header row starting 'Indicator Number'"))
    return pack, problems


def _read(rows, name, year, problems) -> IndicatorPack:
    pack = IndicatorPack()
    section = ""
    i = 0
    while i < len(rows):
        number, cells = rows[i]
        first = cells[0].lower() if cells else ""
        if first == "indicator number":
            i = _read_table(rows, i, name, year, section, pack, problems)
            continue
        if [c.lower() for c in cells[:4]] == ["ref", "actions", "when?", "complete?"]:
            i = _read_actions(rows, i + 1, pack)
            continue
        if [c.lower() for c in cells[:3]] == ["ref", "indicator title", "rat"] or [c.lower() for c in cells[:3]] == ["ref", "indicator title", "rag"]:
            i = _read_summary(rows, i + 1, pack)
            continue
        words = " ".join(c for c in cells if c)
        if words and len(words) < 60 and not any(ch.isdigit() for ch in words):
            section = re.sub(r"[*#]", "", TAGS.sub("", words)).strip() or section  # "**WORKFORCE**", "<b>FRONT DOOR</b>"
        i += 1
    return pack


def _columns(header: list[str], year: int | None, name: str, line: int, problems) -> dict:
    columns = {"months": []}
    for index, cell in enumerate(header):
        key = cell.lower()
        if key == "indicator number":
            columns["ref"] = index
        elif key == "indicator title":
            columns["title"] = index
        elif key == "polarity":
            columns["polarity"] = index
        elif key == "target owner":
            columns["owner"] = index
        elif key in ("rag", "rat"):
            columns["rag"] = index
        elif key == "rag methodology":
            columns["methodology"] = index
        elif "target" in key:
            columns["target"] = index
        elif cell:
            month = month_heading(cell, year)
            if month is None:
                problems.append(Problem("pack.column", WARNING, name, line, cell, f"Column '{cell}' is not a month or a known heading; it was ignored"))
            else:
                columns["months"].append((index, cell, month))
    for needed in ("ref", "title"):
        if needed not in columns:
            problems.append(Problem("pack.header", ERROR, name, line, needed.replace("ref", "Indicator Number").replace("title", "Indicator Title"), "The header lacks this column"))
    if not columns["months"]:
        problems.append(Problem("pack.header", ERROR, name, line, "", "The header has no month columns (e.g. 'Apr-17')"))
    return columns


def _get(cells, columns, key) -> str:
    index = columns.get(key)
    return cells[index] if index is not None and index < len(cells) else ""


def _read_table(rows, start, name, year, section, pack, problems) -> int:
    line, header = rows[start]
    columns = _columns(header, year, name, line, problems)
    refs, activity, steps = [], "", ""
    last_month = max((month for _, _, month in columns["months"]), default=None)
    i = start + 1
    commentary_line = None
    while i < len(rows):
        number, cells = rows[i]
        if not any(cells):
            break
        first = cells[0]
        if first.lower() == "indicator number":
            break
        if first.lower() in ("improvement activity", "next steps"):
            text = prose(" ".join(cell for cell in cells[1:] if cell))
            if first.lower() == "improvement activity":
                activity = text
            else:
                steps = text
            commentary_line = commentary_line or number
        elif first and "ref" in columns:
            row = _read_indicator(cells, columns, name, number, section, problems)
            if row:
                pack.indicators.append(row)
                refs.append(row.ref)
        i += 1
    if refs and (activity or steps):
        pack.commentary.append(CommentaryRow(refs, last_month, activity, steps, section, commentary_line or line))
    return i


def _read_indicator(cells, columns, name, line, section, problems) -> IndicatorRow | None:
    raw_ref = " ".join(_get(cells, columns, "ref").split())
    match = re.match(r"^(.*?)\s*(\([^)]*\))?$", raw_ref)
    ref, ref_note = match.group(1), match.group(2) or ""
    polarity_text = _get(cells, columns, "polarity")
    polarity = POLARITY_WORDS.get(polarity_text.lower()) if polarity_text else None
    if polarity_text and polarity is None:
        problems.append(Problem("pack.polarity", ERROR, name, line, "Polarity", f"{ref}: '{polarity_text}' is not BIB (bigger is better) or SIB (smaller is better)"))
    values = []
    for index, heading, month in columns["months"]:
        text = cells[index] if index < len(cells) else ""
        if not text:
            continue
        value = published_value(text, month)
        if value is None:
            problems.append(Problem("pack.value", ERROR, name, line, heading, f"{ref}: '{text}' is not a number"))
            continue
        values.append(value)
    if _shifted_right(cells, columns):
        owner_at, rag_at = columns["owner"], columns["rag"]
        problems.append(Problem(
            "pack.shifted", WARNING, name, line, "Target Owner",
            f"{ref}: '{cells[owner_at]}' is printed under Target Owner and '{cells[rag_at]}' under RAG, one column to the right; "
            f"read as target {cells[owner_at]}, owner {cells[rag_at]}",
        ))
        cells = list(cells)
        cells[columns["target"]], cells[owner_at], cells[rag_at] = cells[owner_at], cells[rag_at], ""
    target_text = _get(cells, columns, "target")
    target_match = VALUE.match(target_text.replace("<", "").replace(">", "")) if target_text else None
    target = float(target_match.group(2).replace(",", "")) if target_match and not re.search(r"[a-z]", target_text, re.I) else None
    rag_text = _get(cells, columns, "rag")
    rag = RAG_WORDS.get(rag_text.lower(), "")
    if rag_text and not rag and rag_text.upper() != "RAG":
        problems.append(Problem("pack.rag", WARNING, name, line, "RAG", f"{ref}: '{rag_text}' is not Red, Amber, Yellow or Green; kept as printed"))
    return IndicatorRow(
        ref=ref,
        title=_get(cells, columns, "title"),
        polarity_text=polarity_text,
        polarity=polarity,
        values=values,
        target_text=target_text,
        target=target,
        owner=_get(cells, columns, "owner"),
        rag_text=rag_text,
        rag=rag,
        methodology=" ".join(_get(cells, columns, "methodology").split()),
        section=section,
        ref_note=ref_note,
        line=line,
    )


def _shifted_right(cells, columns) -> bool:
    """A row whose target sits under "Target Owner" and owner initials under "RAG" (seed 003's QA 3)."""
    if not all(key in columns for key in ("target", "owner", "rag")):
        return False
    target, owner, rag = (_get(cells, columns, key) for key in ("target", "owner", "rag"))
    return not target and bool(VALUE.match(owner)) and bool(re.fullmatch(r"[A-Z]{2,3}", rag))


def _read_actions(rows, start, pack) -> int:
    i = start
    while i < len(rows):
        number, cells = rows[i]
        if not any(cells):
            break
        cells = cells + [""] * (4 - len(cells))
        pack.actions.append(ActionRow(cells[0], " ".join(cells[1].split()), cells[2], cells[3], number))
        i += 1
    return i


def _read_summary(rows, start, pack) -> int:
    i = start
    while i < len(rows):
        number, cells = rows[i]
        if not any(cells):
            break
        if len(cells) >= 3 and cells[0] and not cells[0].startswith("<"):
            pack.summary_rag[" ".join(cells[0].split())] = cells[2]
        i += 1
    return i
