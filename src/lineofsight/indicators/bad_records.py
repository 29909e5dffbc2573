"""Bad records (case-data-formats §7.1.10): what each definition does with a record it cannot place, and how many there are.

Unknown codes and duplicate identifiers never reach a definition: the load refuses them (ADR-007). What
does reach the store is a record missing the date that places it in time — a visit with no visit date, an
assessment with no start date. Each definition states, for every stg_ view it reads that has such a date,
whether those records leave its numerator, both numerator and denominator, only its team and worker
breakdown, no longer exclude a child, or change nothing (``bad_records:`` in the YAML, one of ``EFFECTS``);
a test blanks the date in the definition's own unit tests and holds the statement to what the query does.
The load warns of each such record by file and row (``store.validation.UNDATED``, the same dates in the raw
tables), and each computation counts them per organisation, so a board can see what its figures leave out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHARED = {
    "breakdown": "counted for the whole service, under no team or worker",
    "not_excluded": "no longer take the child out of the count",
    "neither": "still counted: the query does not need the date",
}
EFFECTS = {
    "both": "left out of the numerator and the denominator",
    "numerator": "left out of the numerator, still in the denominator",
    **_SHARED,
}
COUNT_EFFECTS = {"numerator": "not counted", **_SHARED}


@dataclass(frozen=True)
class Placing:
    column: str
    records: str  # "CIN visits"
    date: str  # "visit date"
    record: str = ""  # one of them, where not ``records`` less its final s
    unless: str = ""  # a condition under which a blank date is no fault

    def missing(self, count: int) -> str:
        """
        >>> PLACED_BY["stg_people"].missing(1), PLACED_BY["stg_cin_visits"].missing(1204)
        ('1 child with no date of birth', '1,204 CIN visits with no visit date')
        """
        return f"{count:,} {self.records if count != 1 else self.record or self.records[:-1]} with no {self.date}"


# The date that places a staged record in time. A blank date that is not a fault (an assessment not yet
# authorised, a plan still open, a conference not yet held, a contact not yet decided) is not here.
PLACED_BY = {
    "stg_allocations": Placing("start_date", "allocations", "start date"),
    "stg_assessments": Placing("start_date", "assessments", "start date"),
    "stg_care_proceedings": Placing("issue_date", "care proceedings", "issue date", "care proceedings"),
    "stg_cin_plans": Placing("start_date", "CIN plans", "start date"),
    "stg_cin_reviews": Placing("due_date", "CIN reviews", "due date"),
    "stg_cin_visits": Placing("visit_date", "CIN visits", "visit date"),
    "stg_cla_episodes": Placing("start_date", "care episodes", "start date"),
    "stg_cla_placements": Placing("start_date", "placements", "start date"),
    "stg_cla_reviews": Placing("due_date", "looked-after reviews", "due date"),
    "stg_cla_visits": Placing("visit_date", "looked-after visits", "visit date"),
    "stg_contacts": Placing("contact_date", "contacts", "contact date"),
    "stg_cp_plans": Placing("start_date", "child protection plans", "start date"),
    "stg_cp_visits": Placing("visit_date", "child protection visits", "visit date"),
    "stg_establishment": Placing("month", "establishment records", "month"),
    "stg_foster_carer_reviews": Placing("due_date", "foster carer reviews", "due date"),
    "stg_missing_episodes": Placing("start_date", "missing episodes", "start date"),
    "stg_people": Placing("birth_date", "children", "date of birth", "child", unless="expected_birth_date is not null"),
    "stg_referrals": Placing("referral_date", "referrals", "referral date"),
    "stg_s47_enquiries": Placing("start_date", "section 47 enquiries", "start date"),
    "stg_supervision": Placing("session_date", "supervision sessions", "session date"),
}
# Macros that read a view on a definition's behalf.
READ_THROUGH = {"stg_allocated_at_month_end": "stg_allocations"}
STG_NAME = re.compile(r"\bstg_[a-z0-9_]+")


def placed_views_read(sql: str) -> list[str]:
    """The stg_ views with a placing date that ``sql`` reads, directly or through a macro.

    >>> placed_views_read("select * from stg_allocated_at_month_end($first_month, $last_month) join stg_teams using (team_id)")
    ['stg_allocations']
    """
    names = {READ_THROUGH.get(name, name) for name in STG_NAME.findall(sql)}
    return sorted(name for name in names if name in PLACED_BY)


def problems(statement: dict, sql: str, unit: str) -> list[tuple[str, str]]:
    """(field, message) for each way ``statement`` fails to say what ``sql`` does with unplaceable records."""
    found = []
    read = placed_views_read(sql)
    allowed = COUNT_EFFECTS if unit == "count" else EFFECTS
    for view in read:
        if view not in statement:
            placing = PLACED_BY[view]
            found.append((f"bad_records.{view}", f"the query reads {view}: say what {placing.records} with no {placing.date} leave "
                                                f"({', '.join(allowed)})"))
    for view, effect in statement.items():
        if view not in read:
            found.append((f"bad_records.{view}", "the query does not read it, or it has no placing date"))
        elif effect not in allowed:
            found.append((f"bad_records.{view}", f"{effect!r} is not one of {', '.join(allowed)}"))
    return found


def count_left_out(connection, views) -> dict[tuple[str, str], int]:
    """(organisation, view) -> records with no placing date, over the stg_ views given (their organisation filter applies)."""
    found = {}
    for view in sorted(set(views)):
        placing = PLACED_BY[view]
        unless = f" and not ({placing.unless})" if placing.unless else ""
        for org, count in connection.execute(f"select org_code, count(*) from {view} where {placing.column} is null{unless} group by all").fetchall():
            found[(org, view)] = count
    return found


def in_words(statement: dict, *, is_count: bool = False, counts: dict[str, int] | None = None) -> list[str]:
    """The statement in plain words for a page; with ``counts``, only the views that have some, each with its count.

    >>> in_words({"stg_cin_visits": "numerator"})
    ['CIN visits with no visit date: left out of the numerator, still in the denominator']
    """
    effects = COUNT_EFFECTS if is_count else EFFECTS
    lines = []
    for view, effect in sorted(statement.items()):
        placing = PLACED_BY[view]
        words = f"{placing.records} with no {placing.date}: {effects[effect]}"
        if counts is None:
            lines.append(words[0].upper() + words[1:])
        elif counts.get(view):
            lines.append(f"{placing.missing(counts[view])}: {effects[effect]}")
    return lines
