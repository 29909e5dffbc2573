"""Working days against the gov.uk bank-holiday feed (England and Wales), 2015–2028."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineofsight.workingdays import add_working_days, bank_holidays, is_working_day, working_days_between

# From the gov.uk feed, division england-and-wales (shared/reference/case-data-formats.md §8).
FEED = {
    2015: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    2016: "01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27",
    2017: "01-02 04-14 04-17 05-01 05-29 08-28 12-25 12-26",
    2018: "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
    2019: "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
    2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
    2021: "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
    2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
    2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
    2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
    2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
    2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
    2028: "01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26",
}


@pytest.mark.parametrize("year", sorted(FEED))
def test_bank_holidays_match_the_govuk_feed(year):
    expected = {date.fromisoformat(f"{year}-{md}") for md in FEED[year].split()}
    assert {d for d in bank_holidays() if d.year == year} == expected


@pytest.mark.parametrize("moved", [date(2020, 5, 4), date(2022, 5, 30)])
def test_moved_bank_holidays_are_working_days(moved):
    assert is_working_day(moved)


def test_45_working_days_across_easter_2018():
    # Assessment started Thu 1 March 2018; Good Friday 30 March and Easter Monday 2 April fall inside.
    deadline = add_working_days(date(2018, 3, 1), 45)
    assert working_days_between(date(2018, 3, 1), deadline) == 45
    assert not is_working_day(date(2018, 3, 30)) and not is_working_day(date(2018, 4, 2))
    # 45 weekdays after 1 March is 3 May; Easter's two holidays push it to Mon 7 May, itself a bank holiday.
    assert deadline == date(2018, 5, 8)


def test_15_working_days_from_strategy_discussion_over_christmas_2017():
    # Strategy discussion Wed 13 Dec 2017; 25 and 26 Dec and 1 Jan 2018 are holidays.
    assert add_working_days(date(2017, 12, 13), 15) == date(2018, 1, 8)


def test_one_working_day_from_friday_is_monday():
    assert add_working_days(date(2018, 3, 2), 1) == date(2018, 3, 5)
    assert working_days_between(date(2018, 3, 2), date(2018, 3, 5)) == 1


def test_saturday_contact_decided_monday_took_one_working_day():
    assert working_days_between(date(2018, 3, 3), date(2018, 3, 5)) == 1
    assert add_working_days(date(2018, 3, 3), 1) == date(2018, 3, 5)


def test_same_day_is_zero_working_days():
    assert working_days_between(date(2018, 3, 5), date(2018, 3, 5)) == 0


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2028, 6, 30)), st.integers(min_value=0, max_value=120))
def test_deadline_is_exactly_n_working_days_after_a_working_start(start, days):
    if not is_working_day(start):
        return
    assert working_days_between(start, add_working_days(start, days)) == days


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2028, 6, 30)), st.integers(min_value=1, max_value=120))
def test_deadline_is_a_working_day_and_n_elapsed_from_any_start(start, days):
    deadline = add_working_days(start, days)
    assert is_working_day(deadline)
    assert working_days_between(start, deadline) == days
