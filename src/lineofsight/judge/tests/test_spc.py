import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineofsight.judge import analyse
from lineofsight.judge.spc import LIMIT_FACTOR, MIN_BASELINE, SHIFT_POINTS, TREND_POINTS

BEFORE = [12, 0, 12, 0, 12, 0]  # alternating sides: no run of its own


def flagged(result, rule):
    return [p.index for p in result.points if rule in p.rules]


def test_limits_are_mean_plus_or_minus_2_66_mean_moving_ranges():
    result = analyse([1, 2, 3, 4, 5], "BIB")
    assert result.mean == 3
    assert result.mean_moving_range == 1
    assert (result.lower_limit, result.upper_limit) == pytest.approx((3 - LIMIT_FACTOR, 3 + LIMIT_FACTOR))
    assert (result.near_lower, result.near_upper) == pytest.approx((3 - LIMIT_FACTOR * 2 / 3, 3 + LIMIT_FACTOR * 2 / 3))


def test_every_moving_range_counts_as_in_the_excel_tools():
    # the R package would drop the 40-point ranges (above 3.267 × the average); Excel keeps them
    result = analyse([10, 10, 10, 10, 50, 10, 10, 10], "BIB")
    assert result.mean_moving_range == pytest.approx(80 / 7)


def test_shift_needs_seven_points_on_one_side():
    assert SHIFT_POINTS == 7
    seven = analyse(BEFORE + [7] * 7 + [0, 6], "BIB")
    six = analyse(BEFORE + [7] * 6 + [0, 6, 0], "BIB")
    assert flagged(seven, "shift") == list(range(6, 13))
    assert flagged(six, "shift") == []


def test_a_point_on_the_mean_breaks_a_shift():
    result = analyse([0, 12, 0, 12, 0, 12, 7, 7, 7, 6, 7, 7, 7, 0, 6], "BIB")
    assert result.mean == 6  # the middle 6 sits exactly on the mean
    assert flagged(result, "shift") == []


def test_trend_needs_six_increases_which_is_seven_points():
    assert TREND_POINTS == 7
    seven = analyse([10, 1, 2, 3, 4, 5, 6, 7, 0], "BIB")
    six = analyse([10, 1, 2, 3, 4, 5, 6, 0, 3], "BIB")
    assert flagged(seven, "trend") == [1, 2, 3, 4, 5, 6, 7]
    assert flagged(six, "trend") == []


def test_a_repeated_value_breaks_a_trend():
    assert flagged(analyse([10, 1, 2, 3, 3, 4, 5, 6, 0], "BIB"), "trend") == []


def test_falling_trend_is_flagged_and_judged_by_direction():
    result = analyse([0, 9, 8, 7, 6, 5, 4, 3, 10], "BIB")
    assert flagged(result, "trend") == [1, 2, 3, 4, 5, 6, 7]
    assert {result.points[i].kind for i in flagged(result, "trend") if result.points[i].rules == {"trend"}} == {"concern"}


def test_point_outside_the_limits_is_flagged():
    result = analyse([10, 11, 9, 10, 11, 9, 10, 30], "BIB")
    assert flagged(result, "outside_limits") == [7]


def test_two_of_three_near_a_limit_on_the_same_side():
    base = [10, 10.2] * 8
    result = analyse(base + [11, 10.1, 11] + [10.1, 10], "BIB")
    near = [p.index for p in result.points if p.value > result.near_upper]
    assert near == [16, 18] and all(result.points[i].value < result.upper_limit for i in near)
    assert flagged(result, "two_of_three") == [16, 18]
    apart = analyse(base + [11, 10.1, 10.1, 11] + [10.1, 10], "BIB")
    assert [p.index for p in apart.points if p.value > apart.near_upper] == [16, 19]
    assert flagged(apart, "two_of_three") == []


@pytest.mark.parametrize(
    ("polarity", "kind", "variation"),
    [("BIB", "improvement", "improvement_high"), ("SIB", "concern", "concern_high"), ("in_range", "neutral", "neither_high")],
)
def test_polarity_names_the_latest_special_cause(polarity, kind, variation):
    result = analyse([10, 11, 9, 10, 11, 9, 10, 30], polarity)
    assert result.points[-1].kind == kind
    assert result.variation == variation
    assert result.variation_text


def test_common_cause_when_the_latest_point_is_unremarkable():
    result = analyse([10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9], "BIB")
    assert result.variation == "common_cause"
    assert all(p.kind == "common" for p in result.points)


@pytest.mark.parametrize(
    ("polarity", "target", "assurance"),
    [("BIB", 0, "pass"), ("BIB", 50, "fail"), ("BIB", 10, "hit_and_miss"), ("SIB", 50, "pass"), ("SIB", 0, "fail"), ("in_range", 10, None), ("BIB", None, None)],
)
def test_assurance_compares_the_target_with_the_limits(polarity, target, assurance):
    result = analyse([10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9], polarity, target=target)
    assert result.assurance == assurance
    assert result.assurance_text


def test_fewer_than_twelve_points_carry_a_warning():
    assert MIN_BASELINE == 12
    assert "11 points" in analyse(list(range(11)), "BIB").warning
    assert analyse([1, 2] * 6, "BIB").warning is None


def test_an_empty_series_is_refused():
    with pytest.raises(ValueError):
        analyse([], "BIB")


def test_a_gap_is_refused_rather_than_silently_joined():
    with pytest.raises(ValueError, match=r"missing at positions \[1\]"):
        analyse([1, None, 3], "BIB")


series = st.lists(st.floats(-1000, 1000, allow_nan=False).map(lambda v: round(v, 2)), min_size=2, max_size=30)


@given(series)
def test_limits_are_symmetric_about_the_mean(values):
    result = analyse(values, "BIB")
    assert result.upper_limit - result.mean == pytest.approx(result.mean - result.lower_limit)
    assert result.lower_limit <= result.near_lower <= result.mean <= result.near_upper <= result.upper_limit


@given(series, st.integers(-100, 100))
def test_adding_a_constant_moves_limits_but_keeps_the_signals(values, shift):
    before, after = analyse(values, "BIB"), analyse([v + shift for v in values], "BIB")
    assert after.mean == pytest.approx(before.mean + shift, abs=1e-6)
    assert after.mean_moving_range == pytest.approx(before.mean_moving_range, abs=1e-6)
    # shifting can move a point across the mean by rounding only when it sat on it; compare trends and kinds elsewhere
    assert [("trend" in p.rules) for p in after.points] == [("trend" in p.rules) for p in before.points]
