from datetime import date

from lineofsight.plan import template
from lineofsight.plan.template_files import Sheet
from lineofsight.plan.tests.conftest import small_sheets


def problems_after(change):
    sheets = small_sheets()
    change(sheets)
    return template.parse(sheets)[1]


def test_small_plan_parses_with_lettered_milestones():
    data, problems = template.parse(small_sheets())
    assert problems == []
    action = next(a for a in data.actions if a.ref == "6.7")
    assert [(m.letter, m.due_month) for m in action.milestones] == [("a", date(2017, 11, 1)), ("b", date(2017, 11, 1)), ("c", date(2018, 2, 1))]
    assert next(a for a in data.actions if a.ref == "2.3").leads == ["BP", "PS"]


def test_missing_column_is_named_with_its_sheet():
    def drop_lead(sheets):
        sheets["actions"] = Sheet([c for c in template.SHEETS["actions"] if c != "lead"], [{k: v for k, v in r.items() if k != "lead"} for r in sheets["actions"]])
    problems = problems_after(drop_lead)
    assert [str(p) for p in problems] == ["actions, row 1, lead: the column 'lead' is missing"]


def test_missing_sheet_is_refused():
    problems = problems_after(lambda s: s.pop("officers"))
    assert problems[0].sheet == "officers" and "missing" in problems[0].message


def test_unknown_lead_officer_names_row_and_field():
    problems = problems_after(lambda s: s["actions"][1].update(lead="ZZ"))
    assert [(p.sheet, p.row, p.field) for p in problems] == [("actions", 3, "lead")]
    assert "ZZ" in problems[0].message


def test_lead_known_from_the_database_is_accepted():
    sheets = small_sheets()
    sheets["actions"][1]["lead"] = "MK"
    assert template.parse(sheets, known_officers=frozenset({"MK"}))[1] == []


def test_malformed_due_month_is_refused():
    problems = problems_after(lambda s: s["actions"][0].update(due="Dec 17"))
    assert [(p.row, p.field) for p in problems] == [(2, "due")]
    assert "YYYY-MM" in problems[0].message


def test_month_thirteen_is_refused():
    assert [p.field for p in problems_after(lambda s: s["actions"][0].update(due="2017-13"))] == ["due"]


def test_malformed_ref_is_refused():
    problems = problems_after(lambda s: s["actions"][0].update(ref="2-3"))
    assert [(p.row, p.field) for p in problems] == [(2, "ref")]


def test_duplicate_ref_is_refused():
    def repeat(sheets):
        sheets["actions"].append({**sheets["actions"][0]})
    problems = problems_after(repeat)
    assert [(p.row, p.field) for p in problems] == [(8, "ref")]
    assert "duplicate ref 2.3" in problems[0].message


def test_duplicate_milestone_letter_is_refused():
    problems = problems_after(lambda s: s["actions"][3].update(milestone="a"))
    assert [(p.row, p.field) for p in problems] == [(5, "milestone")]


def test_ref_for_a_priority_not_in_the_plan_is_refused():
    problems = problems_after(lambda s: s["actions"][0].update(ref="9.1"))
    assert "priority 9" in problems[0].message


def test_continuation_row_may_not_contradict_its_action():
    problems = problems_after(lambda s: s["actions"][3].update(lead="PS"))
    assert [(p.row, p.field) for p in problems] == [(5, "lead")]


def test_to_sheets_round_trips_through_parse():
    data, _ = template.parse(small_sheets())
    again, problems = template.parse(template.to_sheets(data))
    assert problems == [] and again == data
