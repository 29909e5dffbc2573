import pytest
from hypothesis import given
from hypothesis import strategies as st

from lineofsight.judge import Band, Bands, check_bands, judge, parse_methodology
from lineofsight.judge.bands import MethodologyError

AMT_2 = "95% or above Green 85%-94% Amber 84% and below Red"


@pytest.mark.parametrize(("value", "rag"), [(95, "green"), (94.99, "amber"), (94.5, "amber"), (85, "amber"), (84.99, "red"), (84.5, "red"), (84, "red")])
def test_one_point_gaps_go_to_the_worse_band_judged_unrounded(value, rag):
    assert judge(value, polarity="BIB", bands=parse_methodology(AMT_2)).status == rag


@pytest.mark.parametrize(("value", "rag"), [(558, "green"), (558.5, "amber"), (608, "amber"), (608.5, "red"), (609, "red")])
def test_lower_is_better_counts_keep_the_green_edge_inclusive(value, rag):
    bands = parse_methodology("558 or below Green 559 to 608 Amber 609 and above Red")
    assert judge(value, polarity="SIB", bands=bands).status == rag


def test_one_decimal_wording_closes_its_own_gaps():
    bands = parse_methodology("20 or below Green 20.1-22 Amber 22.1 and above Red")
    assert bands.seam_problems == []
    assert [judge(v, polarity="SIB", bands=bands).status for v in (20, 20.05, 22, 22.05)] == ["green", "amber", "amber", "red"]


def test_w1_gap_after_17_is_reported():
    bands = parse_methodology("17 or below Green 18.1-20 Amber 20.1 and above Red")
    assert check_bands(bands, "SIB", 17) == ["Green (17 or below) and Amber (18.1-20) leave a gap between 17 and 18.1"]
    assert judge(17.5, polarity="SIB", bands=bands).status == "amber"  # the worse neighbour takes the gap


def test_fd8_overlap_is_reported_and_goes_to_amber():
    bands = parse_methodology("22% or below Green 21% - 25% Amber 26% and above Red")
    assert any("overlap from 21% to 22%" in problem for problem in check_bands(bands, "SIB", 22))
    assert judge(21.5, polarity="SIB", bands=bands).status == "amber"


def test_target_outside_its_own_green_band_is_reported():
    cin_4 = parse_methodology("98% or above Green 90%-97% Amber 89% and below Red")
    assert check_bands(cin_4, "BIB", 75) == ["the target 75% is outside its own Green band (Green: 98% or more)"]
    assert check_bands(cin_4, "BIB", 98) == []


def test_w1d_target_outside_green_is_reported():
    w1_d = parse_methodology("16 or below Green 16.1-18 Amber 18.1 and above Red")
    assert check_bands(w1_d, "SIB", 17) == ["the target 17 is outside its own Green band (Green: 16 or less)"]


def test_bands_ordered_against_polarity_are_reported():
    qa_1 = parse_methodology("90% or above Green 80%-89% Amber 79% and below Red")
    assert check_bands(qa_1, "SIB") == ["the bands are ordered for higher is better, but the polarity is lower is better"]


def test_cohort_bands_are_marked_and_not_applied_to_counts():
    bands = parse_methodology("10% of cohort or below Green 10-15% Amber 16% and above Red")
    assert bands.relative_to == "cohort"
    judgement = judge(5, polarity="SIB", bands=bands)
    assert judgement.status == "data_only" and "cohort" in judgement.reason


def test_less_than_wording_is_read():
    bands = parse_methodology("<10% Green 10%-19% Amber 20% and above Red")
    assert [judge(v, polarity="SIB", bands=bands).status for v in (9.9, 10, 19, 19.5)] == ["green", "amber", "amber", "red"]


@pytest.mark.parametrize("text", ["at least 90% Green 80% to 89% Amber less than 80% Red", "90%+ Green 80-89% Amber under 80% Red"])
def test_other_common_wordings_are_read(text):
    bands = parse_methodology(text)
    assert [judge(v, polarity="BIB", bands=bands).status for v in (90, 89.5, 80, 79.9)] == ["green", "amber", "amber", "red"]


def test_colour_first_wording_is_refused_rather_than_misread():
    # "Green 90% or more Amber …" would pair each colour with the wrong figures
    with pytest.raises(MethodologyError, match="Green"):
        parse_methodology("Green 90% or more Amber 80%-89% Red 79% or less")


def test_unreadable_methodology_names_the_band():
    with pytest.raises(MethodologyError, match="Amber"):
        parse_methodology("95% or above Green about right Amber 84% and below Red")


def test_hand_built_bands_with_a_gap_and_missing_cover_are_reported():
    bands = Bands.from_dicts([{"rag": "red", "lower": 0, "upper": 80}, {"rag": "green", "lower": 85, "upper": None}], percent=True)
    problems = check_bands(bands, "BIB", 90)
    assert any("leave a gap" in p for p in problems)
    assert any("do not cover every value" in p for p in problems)


def test_bands_describe_their_edges_in_words():
    assert parse_methodology(AMT_2).describe() == ["Green: 95% or more", "Amber: 85% to under 95%", "Red: under 85%"]


def test_bands_round_trip_through_dicts():
    bands = parse_methodology(AMT_2)
    assert Bands.from_dicts(bands.as_dicts(), percent=True).bands == bands.bands


def test_in_range_polarity_wants_green_in_the_middle():
    bands = Bands.from_dicts([
        {"rag": "red", "lower": None, "upper": 10}, {"rag": "green", "lower": 10, "upper": 20}, {"rag": "red", "lower": 20, "upper": None},
    ])
    assert not any("ordered" in p for p in check_bands(bands, "in_range"))
    assert any("ordered" in p for p in check_bands(bands, "BIB"))


@given(st.integers(2, 97), st.integers(1, 40), st.floats(0, 100, allow_nan=False))
def test_pack_style_percent_bands_cover_every_value_once(green_from, amber_width, value):
    amber_from = max(green_from - amber_width, 1)
    text = f"{green_from}% or above Green {amber_from}%-{green_from - 1}% Amber {amber_from - 1}% and below Red"
    bands = parse_methodology(text)
    assert check_bands(bands, "BIB", green_from) == []
    holding = [band for band in bands.bands if band.contains(value)]
    assert len(holding) == 1
    expected = "green" if value >= green_from else "amber" if value >= amber_from else "red"
    assert holding[0].rag == expected


@given(st.floats(-1000, 1000, allow_nan=False), st.floats(0, 50, allow_nan=False))
def test_higher_value_is_never_judged_worse_when_higher_is_better(value, step):
    bands = parse_methodology(AMT_2)
    rank = {"red": 0, "amber": 1, "green": 2}
    assert rank[judge(value + step, polarity="BIB", bands=bands).status] >= rank[judge(value, polarity="BIB", bands=bands).status]


def test_band_edges_follow_their_inclusive_flags():
    band = Band("amber", 85, 95, lower_inclusive=False, upper_inclusive=True)
    assert (band.contains(85), band.contains(95)) == (False, True)
