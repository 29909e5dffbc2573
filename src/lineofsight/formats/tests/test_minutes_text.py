"""Minutes text of every familiar layout: the five Croydon seeds and a few differently laid-out samples."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lineofsight.formats import minutes_text

SEEDS = Path(__file__).resolve().parents[2] / "scrutiny" / "demo_data"


def read(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text()


def by_number(draft):
    return {item.number: item for item in draft.items}


def test_word_minutes_seed_000_gives_date_committee_and_items():
    draft, problems = minutes_text.parse(read("000"))
    assert draft.layout == "word_minutes"
    assert draft.committee == "Scrutiny & Overview Committee"
    assert draft.meeting_date.isoformat() == "2018-03-06"
    assert [item.number for item in draft.items] == ["9/18", "10/18", "11/18", "12/18", "13/18", "14/18", "15/18"]
    assert by_number(draft)["12/18"].title == "Children's Improvement Plan Update"
    assert not [p for p in problems if p.is_error]


def test_word_minutes_seed_000_conclusions_are_verbatim():
    items = by_number(minutes_text.parse(read("000"))[0])
    assert items["12/18"].conclusions == [
        "Further information was required on the effectiveness and reality of the partnerships as their objectives were currently difficult to grasp.",
        "The Safeguarding boards to attend and present at future Scrutiny meetings.",
    ]
    assert items["13/18"].conclusions == [
        "It is positive that we are looking at the effectiveness of joint working and would welcome a representative from the LSP board to provide a presentation to the Committee",
        "It was difficult to determine the effectiveness of proposals on measuring targets to address youth violence and crime",
    ]
    # Conclusions are copied out, not cut out: the minutes text still reads as written.
    assert "Conclusions" in items["12/18"].minutes


def test_word_minutes_seed_000_attendance_with_chair_also_present_and_apologies():
    draft = minutes_text.parse(read("000"))[0]
    rows = {(p.name, p.kind, p.role) for p in draft.attendance}
    assert ("Sean Fitzsimons", "present", "chair") in rows
    assert ("Jan Buttinger", "present", "vice-chair") in rows
    assert ("Vidhi Mohan", "present", "") in rows
    assert ("Hamida Ali", "also_present", "") in rows
    assert ("Carole Bonner", "apologies", "") in rows


def test_agenda_item_page_seed_001_is_one_item_without_date():
    draft, problems = minutes_text.parse(read("001"))
    assert draft.layout == "agenda_item_page"
    assert len(draft.items) == 1
    item = draft.items[0]
    assert item.title == "Children's Improvement Plan Update"
    assert item.purpose == "To update the Committee on the Improvement Plan"
    assert item.conclusions[1] == "The Safeguarding boards to attend and present at future Scrutiny meetings."
    assert draft.meeting_date is None
    assert [p.code for p in problems] == ["minutes.no_date"]


def test_meeting_page_seed_004_substitutes_name_whom_they_replaced():
    draft = minutes_text.parse(read("004"))[0]
    subs = {(p.name, p.substitute_for) for p in draft.attendance if p.kind == "substitute"}
    assert subs == {("Samir Dwesar", "Holly Ramsey"), ("Louis Carserides", "Tamar Barrett")}
    governor = next(p for p in draft.attendance if p.name == "Paul O'Donnell")
    assert (governor.kind, governor.is_councillor, governor.description) == ("apologies", False, "Voting Parent Governor Representative")


def test_meeting_page_seed_004_numbers_items_from_the_truncation_links():
    draft = minutes_text.parse(read("004"))[0]
    numbers = [(item.number, item.number_inferred) for item in draft.items]
    assert numbers[4] == ("31/24", False)
    assert numbers[0] == ("27/24", True)
    assert by_number(draft)["31/24"].minutes_truncated
    assert any("inferred" in note for note in draft.notes)


def test_meeting_page_seed_004_work_programme_requests_lifted():
    item = minutes_text.parse(read("004"))[0].items[-1]
    assert item.title == "Scrutiny Work Programme 2024-25"
    assert item.work_programme_requests[0] == "A future paper on Family Hubs following a visit to the Woodlands Children Centre."
    assert len(item.work_programme_requests) == 2


def test_markdown_minutes_seed_003_skips_the_agenda_but_shows_it():
    draft = minutes_text.parse(read("003"))[0]
    assert draft.meeting_date.isoformat() == "2017-10-31"
    assert draft.committee == "Scrutiny & Overview Committee"
    assert [item.number for item in draft.items][:2] == ["49/17", "50/17"]
    assert by_number(draft)["55/17"].resolutions == ["The Committee NOTED the work programme."]
    assert any(u.where == "before the minutes" and "Reserve Members" in u.text for u in draft.unplaced)


NUMBERED_HEADINGS = """Children and Young People Sub-Committee
Minutes of the meeting held on 12 March 2019 at 6.30pm in Council Chamber, Town Hall

Members present: Councillor Robert Ward (Chair), Councillor Sean Fitzsimons (Vice-Chair), Councillor Sue Bennett, Councillor Maddie Henson (substitute for Councillor Mary Croos)
Apologies for absence: Councillor Mary Croos

1. Statutory Children's Complaints Report: Quarter 3

The Head of Service presented the report.

RESOLVED that the Sub-Committee recommend to the Cabinet Member that:

1. Complaints reports include comparisons with neighbouring boroughs.
2. Learning from complaints is reported each quarter.

2. SEND Strategy

Young people spoke about their experience.

ACTION: Officers to circulate the implementation plan by April 2019.
"""


def test_numbered_headings_layout_reads_items_recommendations_and_actions():
    draft, _ = minutes_text.parse(NUMBERED_HEADINGS)
    assert [(i.number, i.title) for i in draft.items] == [("1", "Statutory Children's Complaints Report: Quarter 3"), ("2", "SEND Strategy")]
    first, second = draft.items
    assert first.recommendations == ["Complaints reports include comparisons with neighbouring boroughs.", "Learning from complaints is reported each quarter."]
    assert first.resolutions[0].startswith("RESOLVED that")
    assert second.actions == ["Officers to circulate the implementation plan by April 2019."]
    sub = next(p for p in draft.attendance if p.kind == "substitute")
    assert (sub.name, sub.substitute_for) == ("Maddie Henson", "Mary Croos")


PART_B = """Corporate Parenting Panel
held on 5 February 2019 at 5pm in Room F10

Present: Councillors Alisa Flemming (Chair) and Callton Young
Declarations of interest: see minute 4/19

4/19 Disclosure of Interests
Councillor Callton Young declared a non-registrable interest in item 6/19 as a school governor.

PART B

6/19 Placement Sufficiency Contract
The press and public were excluded under paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.
RESOLVED to approve the extension.
"""


def test_part_b_item_keeps_its_exemption_paragraph_and_declarations_are_read():
    draft, _ = minutes_text.parse(PART_B)
    items = by_number(draft)
    assert items["6/19"].part == "B"
    assert items["6/19"].exempt_paragraph == "paragraph 3 of Part 1 of Schedule 12A"
    assert items["4/19"].part == "A"
    assert [(d.member, d.kind, d.item_number) for d in draft.declarations] == [("Callton Young", "NRI", "6/19")]


def test_text_before_the_first_item_that_is_not_attendance_is_unplaced():
    draft, _ = minutes_text.parse(PART_B)
    assert any("Declarations of interest: see minute 4/19" in u.text for u in draft.unplaced)


def test_unfamiliar_text_is_refused_with_a_message():
    draft, problems = minutes_text.parse("Dear resident, the bins will be collected on Thursday.")
    assert draft.items == []
    assert "No agenda items were found" in problems[0].message


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_parses_without_crashing(text):
    draft, problems = minutes_text.parse(text)
    assert draft.items or any(p.code == "minutes.no_items" for p in problems)


LINES = st.sampled_from(["Present: Councillor A B (Chair)", "Apologies: Councillor C D", "PART B", "12/18 Item", "Conclusions", "i. x", "- ", "Minutes:", "|", "RESOLVED", "", "Also", "Present:", "1. Title", "The meeting ended at 9pm", "Agenda item"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=30))
def test_minutes_shaped_noise_parses_without_crashing(lines):
    minutes_text.parse("\n".join(lines))


COUNCIL_CODES = """Children and Young People Scrutiny Committee

Minutes of the meeting held on Wednesday, 9 January 2019

Present:
Councillor Stone – in the Chair
Councillors Alijah, Hewitson and Sadler

Co-opted Members:
Mr G Cleworth, Parent Governor Representative

Apologies: Councillor Reid

CYP/19/01 Minutes
Decision
To approve as a correct record the minutes of the meeting on 5 December 2018.

CYP/19/02 Ofsted Inspection of Children's Services
The Director introduced the report on caseloads.
Decision
1. To note the report.
2. To request that the Director report back in March.
"""


def test_coded_item_numbers_chair_wording_and_co_opted_members():
    draft, problems = minutes_text.parse(COUNCIL_CODES)
    assert draft.meeting_date.isoformat() == "2019-01-09"
    assert [i.number for i in draft.items] == ["CYP/19/01", "CYP/19/02"]
    assert draft.items[1].resolutions == ["To note the report.", "To request that the Director report back in March."]
    rows = {p.name: (p.kind, p.role, p.is_councillor) for p in draft.attendance}
    assert rows["Stone"] == ("present", "chair", True)
    assert rows["Sadler"] == ("present", "", True)
    assert rows["G Cleworth"] == ("present", "", False)
    assert rows["Reid"][0] == "apologies"
    assert not draft.unplaced


def test_chairs_report_seed_002_is_not_minutes_and_is_refused_clearly():
    draft, problems = minutes_text.parse(read("002"))
    assert draft.items == []
    assert [p.code for p in problems if p.is_error] == ["minutes.no_items"]
