"""Run a definition's ``unit_tests`` entries: given stg_ rows in, expected numerator and denominator out.

An entry::

    - name: authorised_on_45th_working_day_across_easter_is_on_time
      month: 2018-04          # the month to compute (first of the month also accepted)
      given:
        stg_assessments: [{assessment_id: a1, start_date: 2018-02-16, authorised_date: 2018-04-23}]
      expect: {numerator: 1, denominator: 1}          # the service row for the month
      # or a list: [{breakdown: team, breakdown_key: T1, numerator: 1, denominator: 1}, ...]

Each given stg_ view is replaced by a temporary table with the view's own columns (so a test only
names the columns it needs), in an in-memory store with the real schema.
"""

from __future__ import annotations

from datetime import date

from lineofsight.indicators.definitions import Definition
from lineofsight.indicators.engine import run_query
from lineofsight.indicators.staging import create_staging
from lineofsight.store import open_store

TEST_ORG = "TEST"


def parse_month(value) -> date:
    """
    >>> parse_month("2018-04"), parse_month(date(2018, 4, 12))
    (datetime.date(2018, 4, 1), datetime.date(2018, 4, 1))
    """
    if isinstance(value, date):
        return date(value.year, value.month, 1)
    year, month = str(value).split("-")[:2]
    return date(int(year), int(month), 1)


def connection_with(given: dict[str, list[dict]]):
    """An in-memory store whose named stg_ views hold exactly the given rows."""
    connection = open_store(":memory:")
    create_staging(connection, None)
    for view, rows in given.items():
        columns = [row[0] for row in connection.execute(f"describe {view}").fetchall()]
        types = {row[0]: row[1] for row in connection.execute(f"describe {view}").fetchall()}
        connection.execute(f"create temp table _{view} as select * from {view} limit 0")
        connection.execute(f"drop view {view}")
        connection.execute(f"alter table _{view} rename to {view}")
        for row in rows or []:
            unknown = set(row) - set(columns)
            if unknown:
                raise KeyError(f"{view} has no column {', '.join(sorted(unknown))}: its columns are {', '.join(columns)}")
            # flags a test leaves out are false, as stg_ views never leave them null
            flags = {name: False for name, kind in types.items() if kind == "BOOLEAN" and name not in row}
            filled = {"org_code": TEST_ORG, "batch_id": 1, **flags, **row}
            names = list(filled)
            placeholders = ", ".join(f"?::{types[name]}" for name in names)
            connection.execute(f"insert into {view} ({', '.join(names)}) values ({placeholders})", [filled[name] for name in names])
    return connection


def run_case(definition: Definition, case: dict) -> list[dict]:
    """The rows the definition returns for the case's month, as dicts."""
    month = parse_month(case["month"])
    connection = connection_with(case.get("given") or {})
    try:
        cursor = run_query(connection, definition, month, month)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall() if row[columns.index("month")] == month]
    finally:
        connection.close()


def check_case(definition: Definition, case: dict) -> None:
    """Assert the case's expectations, with a message naming the definition and the case."""
    rows = run_case(definition, case)
    expected = case["expect"]
    wanted = expected if isinstance(expected, list) else [{"breakdown": "service", **expected}]
    for want in wanted:
        breakdown, key = want.get("breakdown", "service"), str(want.get("breakdown_key", ""))
        match = [row for row in rows if row["breakdown"] == breakdown and (breakdown == "service" or str(row["breakdown_key"]) == key)]
        where = f"{definition.ref} {case['name']} ({breakdown} {key})".strip()
        if not match:
            if want.get("numerator") in (0, None) and not want.get("denominator"):
                continue  # no row is how SQL says "none": the engine fills the zero
            raise AssertionError(f"{where}: no row returned; got {rows}")
        got = match[0]
        for name in ("numerator", "denominator"):
            if name in want:
                actual = None if got[name] is None else float(got[name])
                target = None if want[name] is None else float(want[name])
                assert actual == target, f"{where}: {name} is {actual}, expected {target}"
