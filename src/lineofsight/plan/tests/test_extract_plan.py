"""The seed extractor (scripts/extract_plan.py) read against Croydon's November 2017 plan."""

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[4]
SEED = REPO.parent / "shared" / "seeds" / "003_f348974a3683b691.txt"
DEMO = REPO / "src" / "lineofsight" / "plan" / "demo_data" / "croydon-november-2017.csv"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed folder ../shared/seeds is not here")


def load_script():
    if "extract_plan" not in sys.modules:
        spec = importlib.util.spec_from_file_location("extract_plan", REPO / "scripts" / "extract_plan.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["extract_plan"] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules["extract_plan"]


@pytest.fixture(scope="module")
def extracted():
    return load_script().extract(SEED)[0]


def action(data, ref):
    return next(a for a in data.actions if a.ref == ref)


def dues(data, ref):
    return [m.due_month for m in action(data, ref).milestones]


def test_eleven_priorities_in_four_workstreams(extracted):
    assert [p.number for p in extracted.priorities] == list(range(1, 12))
    assert [w.name for w in extracted.workstreams] == ["Practice", "People and Performance", "Partnerships", "Platforms"]
    assert {p.workstream for p in extracted.priorities if p.number in (6, 7, 8, 9)} == {"People and Performance"}


def test_every_action_from_1_1_to_11_4_is_present(extracted):
    last = {1: 11, 2: 11, 3: 20, 4: 9, 5: 14, 6: 12, 7: 13, 8: 13, 9: 7, 10: 17, 11: 4}
    expected = [f"{p}.{n}" for p, count in last.items() for n in range(1, count + 1)]
    assert [a.ref for a in extracted.actions] == expected


def test_spot_checked_leads_and_due_months(extracted):
    assert action(extracted, "2.10").leads == ["CB"] and dues(extracted, "2.10") == [date(2017, 12, 1)]
    assert action(extracted, "6.7").leads == ["JHB"]
    assert dues(extracted, "6.7") == [date(2017, 11, 1), date(2017, 11, 1), date(2018, 2, 1)]
    assert action(extracted, "11.2").leads == ["RS"]
    assert dues(extracted, "11.2") == [date(2017, 11, 1), date(2018, 2, 1), date(2018, 2, 1)]
    assert action(extracted, "2.3").leads == ["BP", "DS"]
    assert action(extracted, "1.8").leads == ["MK"] and dues(extracted, "1.8") == [date(2017, 12, 1), date(2018, 4, 1)]
    assert action(extracted, "3.3").leads == ["GM"]


def test_ongoing_milestones_keep_their_start(extracted):
    first, second = action(extracted, "7.2").milestones
    assert (first.is_ongoing, first.ongoing_from, first.due_month) == (True, date(2017, 11, 1), None)
    assert (second.is_ongoing, second.due_month) == (False, date(2018, 1, 1))
    assert action(extracted, "11.1").milestones[0].is_ongoing


def test_milestone_text_is_split_at_its_letter(extracted):
    milestones = action(extracted, "6.7").milestones
    assert [m.letter for m in milestones] == ["a", "b", "c"]
    assert milestones[0].text.startswith("Action sheets produced and circulated within 2 working days")


def test_sro_of_each_priority(extracted):
    sros = {p.number: p.sro for p in extracted.priorities}
    assert sros == {1: "PS", 2: "PS", 3: "PS", 4: "PS", 5: "PS", 6: "BP", 7: "BP", 8: "BP", 9: "RS", 10: "BP", 11: "RS"}


def test_workstream_sros_come_from_the_programme_update(extracted):
    assert {w.name: w.sro for w in extracted.workstreams} == {"Practice": "PS", "People and Performance": "BP", "Partnerships": "BP", "Platforms": "RS"}


def test_lead_officer_table_including_gill_manton_without_initials(extracted):
    listed = {o.initials: o for o in extracted.officers if o.job_title != load_script().UNLISTED_TITLE}
    assert len(listed) == 22  # the printed table has 23 lines, SI twice
    assert listed["GM"].name == "Gill Manton"
    assert listed["MK"].name == "Moira Keen" and listed["MK"].job_title == "Head of Children In Need"


def test_every_lead_is_an_officer(extracted):
    initials = {o.initials for o in extracted.officers}
    assert {lead for a in extracted.actions for lead in a.leads} <= initials


def test_narrative_and_success_measures_per_priority(extracted):
    first = extracted.priorities[0]
    assert first.children_will_say.splitlines()[0] == "My social worker listens to my worries and acts on them"
    assert "I know why good assessment and planning is important for children" in first.staff_will_say.splitlines()
    assert all(p.success_measures for p in extracted.priorities)
    assert "Social worker vacancy rate" in extracted.priorities[6].success_measures


def test_recommendations_link_to_their_priorities(extracted):
    by_number = {r.number: r for r in extracted.recommendations}
    assert by_number[2].priorities == [7, 11] and by_number[2].text.startswith("Establish a stable workforce")
    assert len(by_number) == 21


def test_output_parses_as_the_template(extracted):
    from lineofsight.plan import template

    again, problems = template.parse(template.to_sheets(extracted))
    assert problems == [] and again == extracted


def test_committed_demo_file_is_what_the_script_writes(tmp_path):
    script = load_script()
    out = tmp_path / "croydon-november-2017.csv"
    assert script.main([str(SEED), "--out", str(out)]) == 0
    for written in tmp_path.iterdir():
        assert written.read_text() == (DEMO.parent / written.name).read_text(), f"re-run scripts/extract_plan.py: {written.name} is stale"


def test_extractor_doctests_pass():
    import doctest

    assert doctest.testmod(load_script()).failed == 0
