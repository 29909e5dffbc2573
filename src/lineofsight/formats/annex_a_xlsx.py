"""Ofsted Annex A workbook (reference §5): sheets ``List 1``…``List 11``, one row per child or event.

Headers vary between councils, so each column is found by a case-insensitive pattern (``child.*id``);
dropdown labels such as ``a) Male`` or ``q) 6: Police`` are kept as written here and decoded by the mapper;
dates may be Excel dates, serial numbers or text. Example (List 3)::

    Child Unique ID | Gender  | Ethnicity | Date of Birth | ... | Date of referral | Referral Source | Referral NFA?
    C0000123        | a) Male | a) WBRI   | 12/03/2015    | ... | 02/05/2024       | q) 6: Police    | b) No
"""

import re
from pathlib import Path

from lineofsight.formats.problems import ERROR, Problem
from lineofsight.formats.table import Table
from lineofsight.formats.values import date_from_cell

FORMAT = "annexa"
SHARED = [("child_id", r"child.*id|^child$"), ("family_id", r"family.*id"), ("gender", r"^gender|^sex"), ("ethnicity", r"ethnic"),
          ("dob", r"date of birth|^dob"), ("age", r"^age"), ("team", r"allocated team"), ("worker", r"allocated worker"),
          ("disability", r"disab")]
# (field, pattern), tried in order: the first unused field whose pattern matches names the column.
LISTS = {
    1: [("contact_date", r"date of contact"), ("contact_source", r"contact source|source")],
    2: [("eh_start", r"assessment start"), ("eh_end", r"completion"), ("eh_org", r"organisation")],
    3: [("referral_date", r"date of referral|referral date"), ("referral_source", r"referral source"), ("referral_nfa", r"nfa"),
        ("referrals_12m", r"number of referrals")],
    4: [("assessment_start", r"assessment start"), ("child_seen", r"child seen"), ("assessment_auth", r"authorisation"),
        ("requires_support", r"requiring")],
    5: [("s47_start", r"(section 47|s47).*start|strategy discussion"), ("icpc_unnecessary", r"unnecessary|not required"),
        ("icpc_date", r"date of initial child protection conference|icpc date"), ("icpc_plan", r"result in a child protection plan"),
        ("s47_12m", r"number of section 47"), ("icpc_12m", r"number of icpc")],
    6: [("cin_start", r"cin start"), ("primary_need", r"primary need"), ("last_seen", r"last seen"), ("cin_closure", r"cin closure"),
        ("closure_reason", r"reason for closure"), ("case_status", r"case status")],
    7: [("cp_start", r"plan start"), ("initial_category", r"initial category"), ("latest_category", r"latest category"),
        ("last_visit", r"last statutory visit"), ("seen_alone", r"seen alone"), ("latest_review", r"latest review"), ("cp_end", r"plan end"),
        ("epo", r"emergency protection"), ("previous_plans", r"number of previous")],
    8: [("uasc", r"uasc|asylum"), ("entered_care", r"started to be looked after"), ("need", r"category of need"),
        ("second_period", r"second or subsequent"), ("legal_start", r"start date of current legal"), ("legal_status", r"legal status"),
        ("latest_review", r"latest statutory review"), ("last_visit", r"last social work visit"), ("permanence_plan", r"permanence plan"),
        ("iro_contact", r"iro"), ("health", r"health assessment"), ("dental", r"dental"), ("placements_12m", r"number of placements"),
        ("ceased_date", r"date ceased"), ("ceased_reason", r"reason ceased"), ("placement_start", r"start date of most recent placement"),
        ("placement_type", r"placement type"), ("placement_provider", r"placement provider"), ("placement_postcode", r"postcode"),
        ("urn", r"urn"), ("placement_location", r"placement location"), ("placement_la", r"la of placement"), ("missing_12m", r"'missing'|missing"),
        ("absent_12m", r"'absent'|absent"), ("rhi_offered", r"offered a return"), ("rhi_accepted", r"accept a return")],
    9: [("uasc", r"uasc|asylum"), ("eligibility", r"eligib"), ("in_touch", r"in touch"), ("accommodation", r"type of accom"),
        ("suitability", r"suitab"), ("activity", r"activity"), ("personal_advisor", r"personal advisor"), ("pathway_review", r"pathway plan"),
        ("latest_contact", r"latest date of contact")],
    10: [("entered_care", r"entered care"), ("adm_decision", r"decision that child should be placed"), ("placement_order", r"date of placement order"),
         ("matched", r"matching"), ("placed", r"date placed for adoption"), ("adoption_order", r"adoption order"),
         ("reversed", r"no longer be placed"), ("reversed_reason", r"reason why"), ("ffa", r"ffa|concurrent")],
    11: [("adopter_id", r"individual adopter"), ("family_id", r"family")],
}
REQUIRED = {1: ["child_id", "contact_date"], 3: ["child_id", "referral_date"], 4: ["child_id", "assessment_start"], 5: ["child_id", "s47_start"],
            6: ["child_id", "cin_start"], 7: ["child_id", "cp_start"], 8: ["child_id", "entered_care"], 9: ["child_id"], 10: ["child_id"]}
DATE_FIELDS = {"dob", "contact_date", "eh_start", "eh_end", "referral_date", "assessment_start", "assessment_auth", "s47_start", "icpc_date",
               "cin_start", "last_seen", "cin_closure", "cp_start", "last_visit", "latest_review", "cp_end", "entered_care", "legal_start",
               "iro_contact", "health", "dental", "ceased_date", "placement_start", "pathway_review", "latest_contact", "adm_decision",
               "placement_order", "matched", "placed", "adoption_order", "reversed", "ffa"}
SHEET = re.compile(r"^\s*list\s*(\d{1,2})\b", re.IGNORECASE)


def match_headers(headers: list, number: int) -> dict[str, int]:
    """Column index for each field found; later fields never reuse a column.

    >>> match_headers(["Child Unique ID", "Gender", "Date of referral", "Referral Source", "Referral NFA?"], 3)
    {'child_id': 0, 'gender': 1, 'referral_date': 2, 'referral_source': 3, 'referral_nfa': 4}
    """
    fields = SHARED + LISTS.get(number, []) if number != 11 else LISTS[11]
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        text = str(header or "").strip().lower()
        if not text:
            continue
        for field, pattern in fields:
            if field not in found and re.search(pattern, text):
                found[field] = index
                break
    return found


def parse(source: Path) -> tuple[dict[str, Table], list[Problem]]:
    from python_calamine import CalamineError, CalamineWorkbook

    source = Path(source)
    if source.is_dir():
        files = sorted(p for p in source.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
        if not files:
            return {}, [Problem("annexa.no_files", ERROR, source.name, None, "", "No .xlsx workbook was found")]
        source = files[-1]
    problems: list[Problem] = []
    try:
        book = CalamineWorkbook.from_path(str(source))
        names = list(book.sheet_names)
    except (CalamineError, OSError, ValueError, Exception) as error:  # calamine raises several types for corrupt files
        return {}, [Problem("xlsx.unreadable", ERROR, source.name, None, "", f"The workbook cannot be opened: {str(error)[:200]}")]
    tables: dict[str, Table] = {}
    for name in names:
        match = SHEET.match(name)
        if not match:
            continue
        number = int(match.group(1))
        try:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as error:  # a damaged sheet should not stop the report
            problems.append(Problem("xlsx.unreadable", ERROR, source.name, None, name, f"The sheet '{name}' cannot be read: {str(error)[:200]}"))
            continue
        table, found = _sheet(source.name, name, number, rows)
        problems.extend(found)
        if table is not None:
            tables[f"list{number}"] = table
    if not tables and not any(p.is_error for p in problems):
        problems.append(Problem("annexa.no_lists", ERROR, source.name, None, "", "The workbook has no sheets named 'List 1' to 'List 11'"))
    return tables, problems


def _sheet(file: str, sheet: str, number: int, rows: list[list]) -> tuple[Table | None, list[Problem]]:
    problems: list[Problem] = []
    where = f"{file} ({sheet})"
    header_at = next((i for i, row in enumerate(rows[:10]) if any(re.search(r"child.*id|adopter", str(c or ""), re.I) for c in row)), None)
    if header_at is None:
        if any(any(str(c).strip() for c in row if c is not None) for row in rows):
            problems.append(Problem("xlsx.no_header", ERROR, where, 1, "Child Unique ID", "No header row with a child identifier column was found"))
        return None, problems
    columns = match_headers(rows[header_at], number)
    for field in REQUIRED.get(number, []):
        if field not in columns:
            problems.append(Problem("xlsx.missing_column", ERROR, where, header_at + 1, field.replace("_", " "),
                                    f"No column for '{field.replace('_', ' ')}' was found in {sheet}"))
    if any(p.is_error for p in problems):
        return None, problems
    data = {field: [] for field in columns}
    source_rows = []
    headers = rows[header_at]
    for offset, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(cell not in (None, "") for cell in row):
            continue
        for field, index in columns.items():
            value = row[index] if index < len(row) else None
            if field in DATE_FIELDS:
                value, complaint = date_from_cell(value)
                if complaint:
                    problems.append(Problem("date.invalid", ERROR, where, offset, str(headers[index]), complaint))
            elif isinstance(value, float) and value.is_integer():
                value = str(int(value))
            elif value is not None:
                value = str(value).strip() or None
            data[field].append(value)
        source_rows.append(offset)
    # A list with a header and no rows is normal (no adopters this year, say): nothing to report.
    return Table(f"list{number}", data, where, source_rows), problems
