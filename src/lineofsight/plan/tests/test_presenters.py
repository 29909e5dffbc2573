from datetime import date, datetime
from types import SimpleNamespace

from lineofsight.plan import presenters
from lineofsight.plan.tree import UpdateNode


def test_every_status_tag_carries_its_word_and_colour():
    assert presenters.status_tag("Complete") == {"text": "Complete", "classes": "govuk-tag--green"}
    assert presenters.status_tag("On track") == {"text": "On track", "classes": "govuk-tag--blue"}
    assert presenters.status_tag("At risk") == {"text": "At risk", "classes": "govuk-tag--orange"}
    assert presenters.status_tag("Overdue") == {"text": "Overdue", "classes": "govuk-tag--red"}


def test_history_is_newest_first_with_who_and_what():
    updates = [
        UpdateNode(1, None, "At risk", "Waiting", "", "Ann", datetime(2017, 12, 1, 9)),
        UpdateNode(2, "b", "Complete", "Done", "minutes.pdf", "Bob", datetime(2018, 1, 5, 9)),
    ]
    rows = presenters.update_rows(SimpleNamespace(updates=updates))
    assert [(r["who"], r["about"], r["status"]["text"]) for r in rows] == [("Bob", "Milestone b", "Complete"), ("Ann", "Whole action", "At risk")]
    assert rows[0]["when"] == "5 January 2018, 09:00"


def test_milestone_choices_offer_whole_action_then_each_letter():
    milestone = SimpleNamespace(id=7, letter="a", text="Action sheets", due_month=date(2017, 11, 1), ongoing_from=None, is_ongoing=False)
    items = presenters.milestone_items(SimpleNamespace(milestones=[milestone]), "7")
    assert [(i["value"], i["checked"]) for i in items] == [("", False), ("7", True)]
    assert items[1]["hint"]["text"] == "Due Nov 2017"
