"""The stg_ layer: the SQL working-day calendar agrees with lineofsight.workingdays (ADR-002)."""

from datetime import date, timedelta

import pytest

from lineofsight.indicators.staging import create_staging
from lineofsight.store import open_store
from lineofsight.workingdays import working_days_between


@pytest.fixture(scope="module")
def connection():
    connection = open_store(":memory:")
    create_staging(connection, None)
    yield connection
    connection.close()


def test_calendar_index_difference_is_elapsed_working_days_for_every_pair_2017_to_2019(connection):
    index = dict(connection.execute("select calendar_date, working_day_index from stg_calendar where calendar_date between '2016-12-01' and '2020-03-01'").fetchall())
    day, wrong = date(2017, 1, 1), []
    while day < date(2019, 12, 31):
        for gap in (0, 1, 2, 3, 4, 5, 10, 15, 45, 60):
            end = day + timedelta(days=gap)
            if index[end] - index[day] != working_days_between(day, end):
                wrong.append((day, end))
        day += timedelta(days=1)
    assert wrong == []


def test_calendar_saturday_start_makes_monday_day_one(connection):
    saturday, monday = connection.execute(
        "select s.working_day_index, m.working_day_index from stg_calendar s, stg_calendar m "
        "where s.calendar_date = '2018-03-03' and m.calendar_date = '2018-03-05'"
    ).fetchone()
    assert monday - saturday == 1


def test_calendar_moved_may_holidays_are_working_days(connection):
    rows = dict(connection.execute("select calendar_date, is_working_day from stg_calendar where calendar_date in ('2020-05-04', '2020-05-08', '2022-05-30')").fetchall())
    assert rows == {date(2020, 5, 4): True, date(2020, 5, 8): False, date(2022, 5, 30): True}


def test_months_clip_at_month_end_in_a_leap_year(connection):
    rows = connection.execute("select month, month_end from stg_months(date '2024-01-15', date '2024-03-01')").fetchall()
    assert rows == [(date(2024, 1, 1), date(2024, 1, 31)), (date(2024, 2, 1), date(2024, 2, 29)), (date(2024, 3, 1), date(2024, 3, 31))]


def test_staging_views_show_only_the_chosen_organisation():
    connection = open_store(":memory:")
    for org in ("AAA", "BBB"):
        connection.execute("insert into ssd_department (dept_team_id, dept_team_name, org_code, batch_id) values ('T1', 'Team', ?, 1)", [org])
    create_staging(connection, ["BBB"])
    assert connection.execute("select org_code from stg_teams").fetchall() == [("BBB",)]


@pytest.mark.parametrize("day, days, months", [
    (date(2018, 3, 3), 28, [date(2018, 3, 1)]),            # 31 March is exactly 28 days on: the boundary day counts
    (date(2018, 3, 2), 28, []),                            # 29 days before 31 March, and no other month end within 28
    (date(2018, 2, 3), 28, [date(2018, 2, 1)]),            # covers 28 February, not 31 March (56 days on)
    (date(2018, 1, 31), 30, [date(2018, 1, 1), date(2018, 2, 1)]),  # its own month end and 28 February
])
def test_months_covered_are_the_month_ends_within_the_days_after_an_event(connection, day, days, months):
    found = connection.execute("select unnest(stg_months_covered(?::date, ?))::date", [day, days]).fetchall()
    assert [row[0] for row in found] == months
