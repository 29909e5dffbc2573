"""Checks run on staged rows (temporary tables ``new_<table>``) before anything is stored.

Structure (codes outside the code lists, missing and duplicate identifiers), references (an assessment for an
unknown referral, a visit for a child with no open plan) and logic (end before start, dates in the future,
overlapping care episodes). Each check is one SQL query returning the source row and the offending value.
References are checked only against tables in the same load: an SSD extract is a full snapshot.
"""

from datetime import date

import duckdb

from lineofsight.formats.codelists import STORE_CODED_COLUMNS
from lineofsight.formats.problems import ERROR, WARNING, Problem
from lineofsight.formats.ssd_tables import TABLES, key_column

MAX_PER_CHECK = 50

# (table, start column, end column): the end may not be before the start.
DATE_ORDER = [
    ("ssd_cin_episodes", "cine_referral_date", "cine_close_date"),
    ("ssd_cin_assessments", "cina_assessment_start_date", "cina_assessment_auth_date"),
    ("ssd_cin_plans", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date"),
    ("ssd_s47_enquiry", "s47e_s47_start_date", "s47e_s47_end_date"),
    ("ssd_cp_plans", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),
    ("ssd_cla_episodes", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
    ("ssd_cla_placement", "clap_cla_placement_start_date", "clap_cla_placement_end_date"),
    ("ssd_missing", "miss_missing_episode_start_date", "miss_missing_episode_end_date"),
    ("ssd_involvements", "invo_involvement_start_date", "invo_involvement_end_date"),
    ("local_return_interviews", "rhi_offered_date", "rhi_completed_date"),
    ("local_care_proceedings", "proc_issue_date", "proc_conclusion_date"),
    ("local_foster_carer_reviews", "fcr_approval_date", "fcr_review_date"),
]

# (table, column, referenced table, referenced column, severity, what the row is)
REFERENCES = [
    ("ssd_cin_assessments", "cina_referral_id", "ssd_cin_episodes", "cine_referral_id", ERROR, "assessment"),
    ("ssd_cin_plans", "cinp_referral_id", "ssd_cin_episodes", "cine_referral_id", ERROR, "CIN plan"),
    ("ssd_s47_enquiry", "s47e_referral_id", "ssd_cin_episodes", "cine_referral_id", ERROR, "section 47 enquiry"),
    ("ssd_initial_cp_conference", "icpc_s47_enquiry_id", "ssd_s47_enquiry", "s47e_s47_enquiry_id", ERROR, "conference"),
    ("ssd_cp_plans", "cppl_referral_id", "ssd_cin_episodes", "cine_referral_id", ERROR, "CP plan"),
    ("ssd_cp_reviews", "cppr_cp_plan_id", "ssd_cp_plans", "cppl_cp_plan_id", ERROR, "CP review"),
    ("ssd_cp_visits", "cppv_cp_plan_id", "ssd_cp_plans", "cppl_cp_plan_id", ERROR, "CP visit"),
    ("ssd_cla_placement", "clap_cla_id", "ssd_cla_episodes", "clae_cla_id", ERROR, "placement"),
    ("ssd_cla_reviews", "clar_cla_id", "ssd_cla_episodes", "clae_cla_id", ERROR, "CLA review"),
    ("ssd_cla_visits", "clav_cla_id", "ssd_cla_episodes", "clae_cla_id", ERROR, "CLA visit"),
    ("local_cin_reviews", "cinr_cin_plan_id", "ssd_cin_plans", "cinp_cin_plan_id", ERROR, "CIN review"),
    ("local_return_interviews", "miss_table_id", "ssd_missing", "miss_table_id", ERROR, "return interview"),
    ("local_contact_decisions", "cont_contact_id", "ssd_contacts", "cont_contact_id", ERROR, "contact decision"),
    ("ssd_involvements", "invo_professional_id", "ssd_professionals", "prof_professional_id", WARNING, "allocation"),
    ("ssd_involvements", "invo_professional_team", "ssd_department", "dept_team_id", WARNING, "allocation"),
]

# Visits to a child must fall within one of the child's plans: (visit table, person, date, plan table, person, start, end).
VISITS_IN_PLAN = [
    ("ssd_cp_visits", "cppv_person_id", "cppv_cp_visit_date", "ssd_cp_plans", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "CP"),
    ("ssd_cin_visits", "cinv_person_id", "cinv_cin_visit_date", "ssd_cin_plans", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", "CIN"),
]

# The date that places a record in time. A record without it is kept (a warning, not an error: the rest of
# the record is sound), but no indicator can put it in a month; each indicator says what it does with such
# records (indicators.bad_records, which names the same dates through the stg_ views).
UNDATED = {
    "ssd_person": "pers_dob",
    "ssd_contacts": "cont_contact_date",
    "ssd_cin_episodes": "cine_referral_date",
    "ssd_cin_assessments": "cina_assessment_start_date",
    "ssd_cin_plans": "cinp_cin_plan_start_date",
    "ssd_cin_visits": "cinv_cin_visit_date",
    "ssd_s47_enquiry": "s47e_s47_start_date",
    "ssd_cp_plans": "cppl_cp_plan_start_date",
    "ssd_cp_visits": "cppv_cp_visit_date",
    "ssd_cla_episodes": "clae_cla_episode_start_date",
    "ssd_cla_placement": "clap_cla_placement_start_date",
    "ssd_cla_reviews": "clar_cla_review_due_date",
    "ssd_cla_visits": "clav_cla_visit_date",
    "ssd_missing": "miss_missing_episode_start_date",
    "ssd_involvements": "invo_involvement_start_date",
    "local_cin_reviews": "cinr_review_due_date",
    "local_supervision": "supv_session_date",
    "local_foster_carer_reviews": "fcr_review_due_date",
    "local_care_proceedings": "proc_issue_date",
    "local_establishment": "estb_month",
}
# When a blank placing date is no fault: an unborn child has an expected date of birth instead.
UNDATED_UNLESS = {"ssd_person": "pers_expected_dob IS NOT NULL"}

# Dates that are legitimately in the future: deadlines and expectations.
FUTURE_ALLOWED = ("due", "target", "expected")


def validate(connection: duckdb.DuckDBPyConnection, staged: dict[str, str], today: date | None = None) -> list[Problem]:
    """Problems in the staged tables; ``staged`` maps table name → the source file(s) it came from."""
    today = today or date.today()
    checks = Checks(connection, staged)
    for table in staged:
        checks.identifiers(table)
        checks.codes(table)
        checks.future_dates(table, today)
        checks.undated(table)
    for table, start, end in DATE_ORDER:
        if table in staged:
            checks.date_order(table, start, end)
    for reference in REFERENCES:
        checks.reference(*reference)
    for visit in VISITS_IN_PLAN:
        checks.visit_in_plan(*visit)
    checks.overlapping_care_episodes()
    return checks.problems


class Checks:
    def __init__(self, connection, staged):
        self.connection = connection
        self.staged = staged
        self.problems: list[Problem] = []

    def _report(self, sql, params, table, field, code, severity, message) -> None:
        """Run a query yielding (_row, value) and turn each row into a problem; long lists end with a count."""
        rows = self.connection.execute(f"{sql} ORDER BY 2, 1 LIMIT {MAX_PER_CHECK + 1}", params).fetchall()
        if not rows:
            return
        total = len(rows)
        if total > MAX_PER_CHECK:
            total = self.connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        for source_row, file, value in rows[:MAX_PER_CHECK]:
            self.problems.append(Problem(code, severity, file, source_row, field, message(value)))
        file = self.staged[table]
        if total > MAX_PER_CHECK:
            self.problems.append(Problem(code, severity, file, None, field, f"…and {total - MAX_PER_CHECK} more rows like these"))

    def identifiers(self, table):
        key = key_column(table)
        if key is None:
            return
        self._report(f"SELECT _row, _file, NULL FROM new_{table} WHERE {key} IS NULL", [], table, key, "id.missing", ERROR,
                     lambda _: "The identifier is blank")
        self._report(
            f"SELECT _row, _file, {key} FROM (SELECT _row, _file, {key}, count(*) OVER (PARTITION BY {key}) AS n FROM new_{table} "
            f"WHERE {key} IS NOT NULL) WHERE n > 1",
            [], table, key, "id.duplicate", ERROR, lambda value: f"The identifier '{value}' appears more than once",
        )
        person = next((c for c in TABLES[table] if c.endswith("_person_id")), None)
        if person and table != "ssd_person" and table != "local_supervision":
            self._report(f"SELECT _row, _file, NULL FROM new_{table} WHERE {person} IS NULL", [], table, person, "person.missing",
                         ERROR, lambda _: "The child's identifier is blank")
            if "ssd_person" in self.staged:
                self._report(
                    f"SELECT t._row, t._file, t.{person} FROM new_{table} t ANTI JOIN new_ssd_person p ON t.{person} = p.pers_person_id "
                    f"WHERE t.{person} IS NOT NULL",
                    [], table, person, "person.unknown", ERROR,
                    lambda value: f"The child '{value}' is not in ssd_person",
                )

    def codes(self, table):
        for column, allowed in STORE_CODED_COLUMNS.get(table, {}).items():
            self._report(
                f"SELECT _row, _file, {column} FROM new_{table} WHERE {column} IS NOT NULL AND NOT list_contains(?, {column})",
                [sorted(allowed)], table, column, "code.unknown", ERROR,
                lambda value, column=column: f"'{value}' is not a valid code for {column}",
            )

    def future_dates(self, table, today):
        for column, kind in TABLES[table].items():
            if kind != "date":
                continue
            if not any(word in column for word in FUTURE_ALLOWED):
                self._report(
                    f"SELECT _row, _file, {column} FROM new_{table} WHERE {column} > ?", [today], table, column, "date.future",
                    ERROR, lambda value: f"{value:%d/%m/%Y} is in the future",
                )
            # A year like 0024 or 1024 is a typing slip, not a child's history.
            self._report(
                f"SELECT _row, _file, {column} FROM new_{table} WHERE {column} < DATE '1900-01-01'", [], table, column, "date.implausible",
                ERROR, lambda value: f"{value.isoformat()} is before 1900: check the year",
            )

    def undated(self, table):
        column = UNDATED.get(table)
        if column is None:
            return
        unless = f" AND NOT ({UNDATED_UNLESS[table]})" if table in UNDATED_UNLESS else ""
        self._report(
            f"SELECT _row, _file, NULL FROM new_{table} WHERE {column} IS NULL{unless}", [], table, column, "date.missing", WARNING,
            lambda _: "The date is blank, so no indicator can place this record in a month: it is kept, and each indicator's page says what it does with such records",
        )

    def date_order(self, table, start, end):
        self._report(
            f"SELECT _row, _file, {end} FROM new_{table} WHERE {end} < {start}", [], table, end, "date.end_before_start", ERROR,
            lambda value, start=start: f"{value:%d/%m/%Y} is before {start}",
        )

    def reference(self, table, column, target, target_column, severity, what):
        if table not in self.staged or target not in self.staged:
            return
        self._report(
            f"SELECT t._row, t._file, t.{column} FROM new_{table} t ANTI JOIN new_{target} r ON t.{column} = r.{target_column} "
            f"WHERE t.{column} IS NOT NULL",
            [], table, column, "reference.unknown", severity,
            lambda value: f"This {what} refers to '{value}', which is not in {target}",
        )

    def visit_in_plan(self, visits, person, when, plans, plan_person, start, end, kind):
        if visits not in self.staged or plans not in self.staged:
            return
        self._report(
            f"SELECT v._row, v._file, v.{when} FROM new_{visits} v WHERE NOT EXISTS (SELECT 1 FROM new_{plans} p "
            f"WHERE p.{plan_person} = v.{person} AND p.{start} <= v.{when} AND (p.{end} IS NULL OR p.{end} >= v.{when})) "
            f"AND v.{when} IS NOT NULL",  # an undated visit is reported as undated
            [], visits, when, "visit.no_open_plan", WARNING,
            lambda value, kind=kind: f"The visit on {value:%d/%m/%Y} is not during any of the child's {kind} plans",
        )

    def overlapping_care_episodes(self):
        if "ssd_cla_episodes" not in self.staged:
            return
        self._report(
            "SELECT _row, _file, clae_cla_episode_start_date FROM (SELECT _row, _file, clae_cla_episode_start_date, "
            "lag(coalesce(clae_cla_episode_ceased_date, DATE '9999-12-31')) OVER w AS previous_end, "
            "row_number() OVER w AS n FROM new_ssd_cla_episodes "
            "WINDOW w AS (PARTITION BY clae_person_id ORDER BY clae_cla_episode_start_date, _row)) "
            "WHERE n > 1 AND clae_cla_episode_start_date < previous_end",
            [], "ssd_cla_episodes", "clae_cla_episode_start_date", "episode.overlap", ERROR,
            lambda value: f"The care episode starting {value:%d/%m/%Y} begins before the child's previous episode ended",
        )
