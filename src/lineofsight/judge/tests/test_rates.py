import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineofsight.judge import aggregate, derive_value


@pytest.mark.parametrize(
    ("numerator", "denominator", "unit", "expected"),
    [(45, 50, "percent", 90.0), (3, 12_000, "rate_per_10000", 2.5), (249, None, "count", 249.0), (17, None, "number", 17.0), (413, None, "days", 413.0), (6, 4, "average", 1.5)],
)
def test_value_is_derived_from_counts_by_unit(numerator, denominator, unit, expected):
    assert derive_value(numerator, denominator, unit) == pytest.approx(expected)


def test_zero_denominator_gives_no_value_rather_than_zero():
    assert derive_value(0, 0, "percent") is None


def test_percent_without_denominator_gives_no_value():
    assert derive_value(5, None, "percent") is None


def test_quarter_sums_counts_instead_of_averaging_percentages():
    # 9/10 = 90% and 10/100 = 10%: averaging would say 50%; the true quarter is 19/110
    _, _, value = aggregate([(9, 10), (10, 100)], unit="percent")
    assert value == pytest.approx(19 / 110 * 100)
    assert value != pytest.approx(50)


def test_missing_month_is_skipped_not_counted_as_zero():
    assert aggregate([(5, 10), (None, None), {"numerator": 5, "denominator": 10}]) == (10.0, 20.0, 50.0)


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda p: (min(p), p[1])), min_size=1, max_size=12))
def test_aggregate_percent_lies_between_the_months(rows):
    _, _, value = aggregate(rows, unit="percent")
    parts = [derive_value(n, d, "percent") for n, d in rows]
    assert min(parts) - 1e-9 <= value <= max(parts) + 1e-9
