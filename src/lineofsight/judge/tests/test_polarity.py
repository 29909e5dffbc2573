import pytest

from lineofsight.judge import Polarity


@pytest.mark.parametrize(("text", "expected"), [("BIB", Polarity.HIGHER_IS_BETTER), ("SIB", Polarity.LOWER_IS_BETTER), ("in_range", Polarity.IN_RANGE), ("lower_is_better", Polarity.LOWER_IS_BETTER)])
def test_pack_and_stored_polarity_words_are_read(text, expected):
    assert Polarity.parse(text) is expected


@pytest.mark.parametrize("text", [None, "", "  "])
def test_missing_polarity_is_none_not_a_guess(text):
    assert Polarity.parse(text) is None


def test_unknown_polarity_is_refused_by_name():
    with pytest.raises(ValueError, match="XIB"):
        Polarity.parse("XIB")


def test_good_direction_sets_the_sign():
    assert [p.good_direction for p in Polarity] == [1, -1, 0]
