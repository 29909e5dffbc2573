from datetime import date

import pytest

from lineofsight.plan import status


def test_overdue_when_milestone_due_month_has_passed():
    assert status.milestone_status(date(2017, 12, 1), "On track", today=date(2018, 1, 1)) == "Overdue"


def test_not_overdue_on_the_last_day_of_the_due_month():
    assert status.milestone_status(date(2017, 12, 1), None, today=date(2017, 12, 31)) == "On track"


def test_complete_milestone_is_never_overdue():
    assert status.milestone_status(date(2017, 11, 1), "Complete", today=date(2019, 1, 1)) == "Complete"


def test_at_risk_stays_at_risk_until_the_month_ends():
    assert status.milestone_status(date(2018, 2, 1), "At risk", today=date(2018, 2, 28)) == "At risk"


def test_overdue_cannot_be_typed():
    with pytest.raises(ValueError, match="typed status"):
        status.milestone_status(date(2018, 2, 1), "Overdue", today=date(2018, 1, 1))


def test_action_is_overdue_if_any_milestone_is():
    assert status.roll_up(["Complete", "Overdue", "On track"]) == "Overdue"


def test_action_complete_only_when_every_milestone_is():
    assert status.roll_up(["Complete", "Complete"]) == "Complete"
    assert status.roll_up(["Complete", "On track"]) == "On track"


def test_at_risk_outranks_on_track():
    assert status.roll_up(["On track", "At risk"]) == "At risk"


def test_counts_name_every_status_in_the_plans_order():
    assert list(status.counts([])) == ["Complete", "On track", "At risk", "Overdue"]


def test_next_month_wraps_the_year():
    assert status.next_month(date(2017, 12, 5)) == date(2018, 1, 1)
