"""Deadline arithmetic over many dates: working-day deadlines land on working days; months clip, never spill."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from lineofsight.scrutiny import deadlines
from lineofsight.workingdays import is_working_day, working_days_between

DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@given(DAYS, st.integers(min_value=1, max_value=20))
def test_action_sheet_deadline_is_a_working_day_exactly_n_working_days_on(day, n):
    due = deadlines.action_sheet_due(day, n)
    assert is_working_day(due)
    assert working_days_between(day, due) == n


@given(DAYS, st.integers(min_value=1, max_value=12))
def test_response_due_stays_in_the_target_month(day, months):
    due = deadlines.response_due(day, months)
    assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == months
    assert due.day <= day.day


@given(DAYS)
def test_response_is_overdue_only_after_its_due_day_and_only_without_a_response(day):
    assert not deadlines.recommendation_is_overdue(day, False, day)
    assert deadlines.recommendation_is_overdue(day, False, day + timedelta(days=1))
    assert not deadlines.recommendation_is_overdue(day, True, day + timedelta(days=400))


def test_committee_may_count_the_response_period_in_days():
    assert deadlines.response_due(date(2019, 2, 5), days=28) == date(2019, 3, 5)
