import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from lineofsight.judge import financial_year, months_between, year_to_date
from lineofsight.judge.periods import financial_quarter


def test_financial_year_runs_april_to_march():
    assert financial_year(dt.date(2017, 3, 31)) == "2016-17"
    assert financial_year(dt.date(2017, 4, 1)) == "2017-18"


def test_year_to_date_starts_in_april():
    assert year_to_date(dt.date(2018, 1, 20))[0] == dt.date(2017, 4, 1)
    assert len(year_to_date(dt.date(2018, 3, 1))) == 12


def test_quarter_one_is_april_to_june():
    assert [financial_quarter(dt.date(2017, m, 1))[-2:] for m in (4, 6, 7, 12, 1, 3)] == ["Q1", "Q1", "Q2", "Q3", "Q4", "Q4"]


@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)), st.integers(0, 40))
def test_months_between_counts_each_month_once(first, extra):
    last = first + dt.timedelta(days=extra * 31)
    months = months_between(first, last)
    assert months[0] == first.replace(day=1) and months[-1] == last.replace(day=1)
    assert len(set(months)) == len(months) == (last.year - first.year) * 12 + last.month - first.month + 1
