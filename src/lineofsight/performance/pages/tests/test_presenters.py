"""Presenters turn judged indicators into words, tested without a database."""

from datetime import date

from lineofsight.judge import analyse, judge, parse_methodology
from lineofsight.performance.pages.board import Assessed, Viewer
from lineofsight.performance.pages.catalogue import Definition
from lineofsight.performance.pages.presenters import IndicatorPresenter, summary_counts, tag_params
from lineofsight.performance.pages.queries import Point

AMT2 = Definition(ref="AMT 2", title="Percentage of C&F assessments completed within 45 working days", area="Assessment",
                  unit="percent", polarity="higher_is_better", targets={"2017-18": 95})
BANDS = parse_methodology("95% or above Green 85%-94% Amber 84% and below Red")


def point(month, value, numerator=None, denominator=100.0, published=True, reason=""):
    return Point("AMT 2", month, numerator if numerator is not None else value, denominator, value, reason, published)


def assessed(points, *, definition=AMT2, judged=True):
    latest, previous = points[-1], (points[-2] if len(points) > 1 else None)
    item = Assessed(definition, points, latest.month, latest, previous, 95.0, "fixed_bands", BANDS, "", "MK")
    if judged:
        item.judgement = judge(latest.value, polarity=definition.polarity, bands=BANDS, target=95.0, percent=True)
        values = [p.value for p in points if p.value is not None]
        item.spc = analyse(values, definition.polarity, target=95.0) if len(values) > 1 else None
    return item


def test_red_value_reads_with_its_word_and_distance():
    presenter = IndicatorPresenter(assessed([point(date(2017, 9, 1), 78.5), point(date(2017, 10, 1), 67.7)]))
    assert presenter.value_text == "67.7%"
    assert (presenter.rag["label"], presenter.rag["status"], presenter.rag["classes"]) == ("Red", "red", "govuk-tag--red")
    assert presenter.distance_text == "27.3 points short of the 95% target"
    assert presenter.change_text == "Down 10.8 percentage points since Sep 2017 (worse)"


def test_missing_value_says_no_data_with_the_reason_never_zero():
    presenter = IndicatorPresenter(assessed([point(date(2017, 9, 1), 78.5), point(date(2017, 10, 1), None, reason="No assessments authorised")]))
    assert presenter.value_text == "No data"
    assert presenter.no_data_reason == "No assessments authorised"
    assert presenter.rag["text"] == "No data" and presenter.rag["classes"] == "govuk-tag--grey"


def test_unpublished_latest_month_is_marked():
    presenter = IndicatorPresenter(assessed([point(date(2017, 10, 1), 90.0, published=False)]))
    assert presenter.is_unpublished


def test_too_few_months_says_so_instead_of_an_spc_signal():
    presenter = IndicatorPresenter(assessed([point(date(2017, 10, 1), 90.0)]))
    assert presenter.variation_text == "Too few months for SPC"
    assert str(presenter.sparkline) == ""


def test_sparkline_carries_its_trend_in_words():
    points = [point(date(2017, m, 1), v) for m, v in ((8, 85.8), (9, 78.5), (10, 67.7))]
    presenter = IndicatorPresenter(assessed(points))
    assert "<svg" in presenter.sparkline
    assert presenter.sparkline_text == "From 85.8% in Aug 2017 to 67.7% in Oct 2017"


def test_public_small_previous_month_hides_the_change():
    points = [point(date(2017, 9, 1), 60.0, numerator=3, denominator=5), point(date(2017, 10, 1), 80.0, numerator=40, denominator=50)]
    presenter = IndicatorPresenter(assessed(points), Viewer(unsuppressed=False))
    assert presenter.change_text == "Small numbers: not shown"


def test_tag_params_without_a_judgement_is_grey_and_worded():
    params = tag_params(None)
    assert (params["label"], params["classes"]) == ("Not judged", "govuk-tag--grey")


def test_summary_counts_in_committee_order():
    red = assessed([point(date(2017, 10, 1), 67.7)])
    green = assessed([point(date(2017, 10, 1), 97.0)])
    assert summary_counts([green, red, red]) == [("Red", 2), ("Green", 1)]
