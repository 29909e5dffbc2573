import pytest

from lineofsight.judge import judge, parse_methodology

AMT_2 = parse_methodology("95% or above Green 85%-94% Amber 84% and below Red")


@pytest.mark.parametrize(
    ("status", "label", "colour"),
    [("green", "Green", "green"), ("amber", "Amber", "orange"), ("red", "Red", "red")],
)
def test_rag_labels_and_govuk_tag_colours(status, label, colour):
    value = {"green": 96, "amber": 90, "red": 60}[status]
    judgement = judge(value, polarity="BIB", bands=AMT_2)
    assert (judgement.status, judgement.label, judgement.tag_colour) == (status, label, colour)


@pytest.mark.parametrize(
    ("kwargs", "status", "label"),
    [
        ({"value": None}, "no_data", "No data"),
        ({"value": 90, "due": False}, "not_due", "Not yet due"),
        ({"value": 90, "suppressed": True}, "suppressed", "Suppressed"),
        ({"value": 90, "bands": None}, "data_only", "Data only"),
        ({"value": 90, "polarity": None}, "data_only", "Data only"),
    ],
)
def test_states_besides_rag_are_grey(kwargs, status, label):
    arguments = {"polarity": "BIB", "bands": AMT_2} | kwargs
    value = arguments.pop("value")
    judgement = judge(value, **arguments)
    assert (judgement.status, judgement.label, judgement.tag_colour) == (status, label, "grey")


def test_suppression_wins_over_every_other_state():
    assert judge(None, polarity="BIB", bands=AMT_2, due=False, suppressed=True).status == "suppressed"


@pytest.mark.parametrize(("value", "status"), [(100, "green"), (95, "green"), (90, "amber"), (85.5, "amber"), (85, "red")])
def test_pct_of_target_higher_is_better(value, status):
    # target 95, amber within 10% short: 85.5 is exactly 10% short
    assert judge(value, polarity="BIB", target=95, method="pct_of_target", amber_variance=10).status == status


@pytest.mark.parametrize(("value", "status"), [(18, "green"), (20, "green"), (22, "amber"), (22.1, "red")])
def test_pct_of_target_lower_is_better_flips_the_sign(value, status):
    assert judge(value, polarity="SIB", target=20, method="pct_of_target", amber_variance=10).status == status


def test_pct_of_target_refuses_in_range():
    with pytest.raises(ValueError, match="fixed bands"):
        judge(5, polarity="in_range", target=5, method="pct_of_target", amber_variance=10)


def test_pct_of_target_needs_an_amber_variance():
    with pytest.raises(ValueError, match="amber_variance"):
        judge(5, polarity="BIB", target=5, method="pct_of_target")


def test_distance_to_target_is_positive_when_better():
    assert judge(97.5, polarity="BIB", bands=AMT_2, target=95).distance_to_target == pytest.approx(2.5)
    assert judge(30, polarity="SIB", target=20).distance_to_target == pytest.approx(-10)


@pytest.mark.parametrize(
    ("value", "polarity", "target", "percent", "text"),
    [
        (67.7, "BIB", 95, True, "27.3 points short of the 95% target"),
        (97, "BIB", 95, True, "2 points above the 95% target"),
        (30, "SIB", 20, False, "10 over the target of 20"),
        (413, "SIB", 558, False, "145 under the target of 558"),
        (95, "BIB", 95, True, "on the 95% target"),
    ],
)
def test_distance_is_said_in_words(value, polarity, target, percent, text):
    assert judge(value, polarity=polarity, target=target, percent=percent).distance_text == text


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown RAG method"):
        judge(1, polarity="BIB", bands=AMT_2, method="vibes")


def test_bands_stored_as_dicts_are_accepted():
    stored = AMT_2.as_dicts()
    assert judge(94.5, polarity="BIB", bands=stored).status == "amber"
