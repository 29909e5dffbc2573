"""queries: who sees which version, and small numbers suppressed for the public."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from lineofsight.performance import queries
from lineofsight.performance.models import PublishedMonth

pytestmark = pytest.mark.django_db
MAY, JUNE = date(2018, 5, 1), date(2018, 6, 1)


def _row(month, numerator, denominator, ref="AMT 2"):
    value = None if not denominator else numerator / denominator * 100
    return {"indicator_ref": ref, "month": month, "breakdown": "service", "breakdown_key": "", "breakdown_label": "",
            "numerator": numerator, "denominator": denominator, "value": value, "no_data_reason": "", "batches": [1]}


@pytest.fixture
def org():
    org = queries.ensure_organisation("AAA", "A council")
    run = queries.start_run(org, MAY, JUNE, [1])
    queries.save_results(org, run, [_row(MAY, 3, 40), _row(JUNE, 30, 40)])
    queries.publish_month(org, MAY)
    return org


def test_amt_2_public_sees_published_may_with_3_suppressed_and_its_rate(org):
    points = queries.indicator_series(org, "AMT 2", user=AnonymousUser())
    assert [(p.month, p.numerator, p.denominator, p.value) for p in points] == [(MAY, "c", 40, "c")]


def test_amt_2_councillor_sees_published_months_unsuppressed(org, user_with_role):
    points = queries.indicator_series(org, "AMT 2", user=user_with_role("councillor"))
    assert [(p.month, p.numerator) for p in points] == [(MAY, 3)]


def test_amt_2_analyst_sees_unpublished_june_marked(org, user_with_role):
    points = queries.indicator_series(org, "AMT 2", user=user_with_role("performance_analyst"))
    assert [(p.month, p.is_published) for p in points] == [(MAY, True), (JUNE, False)]


def test_recompute_of_published_may_keeps_public_on_version_1(org, user_with_role):
    run = queries.start_run(org, MAY, MAY, [1])
    assert queries.save_results(org, run, [_row(MAY, 20, 40)]) == {MAY: 2}
    assert queries.indicator_series(org, "AMT 2", user=user_with_role("councillor"))[0].numerator == 3
    assert queries.indicator_series(org, "AMT 2", user=user_with_role("performance_analyst"))[0].numerator == 20


def test_withdrawn_month_is_no_longer_published(org):
    PublishedMonth.objects.filter(organisation=org, month=MAY).update(withdrawn_at=timezone.now())
    assert queries.published_version(org, MAY) is None
    assert queries.indicator_series(org, "AMT 2", user=AnonymousUser()) == []


def test_latest_values_gives_newest_visible_month_per_indicator(org, user_with_role):
    assert queries.latest_values(org, user=AnonymousUser())["AMT 2"].month == MAY
    assert queries.latest_values(org, user=user_with_role("performance_analyst"))["AMT 2"].month == JUNE


def test_new_version_of_a_published_month_keeps_indicators_not_recomputed(org, user_with_role):
    run = queries.start_run(org, MAY, MAY, [1])
    queries.save_results(org, run, [_row(MAY, 7, 10, ref="CP 5")])
    queries.publish_month(org, MAY)
    assert queries.published_version(org, MAY) == 2
    councillor = user_with_role("councillor")
    assert queries.indicator_series(org, "AMT 2", user=councillor)[0].numerator == 3
    assert queries.indicator_series(org, "CP 5", user=councillor)[0].numerator == 7


def test_w1_c_public_average_over_2_workers_is_suppressed_with_its_denominator(user_with_role):
    org = queries.ensure_organisation("BBB", "B council")
    row = {**_row(MAY, 25, 2, ref="W1 c"), "value": 12.5}
    queries.save_results(org, queries.start_run(org, MAY, MAY, [1]), [row])
    queries.publish_month(org, MAY)
    point = queries.indicator_series(org, "W1 c", user=AnonymousUser())[0]
    assert (point.numerator, point.denominator, point.value) == (25, "c", "c")


def test_withdrawing_may_hides_every_release_of_it_from_the_public(org, user_with_role):
    queries.save_results(org, queries.start_run(org, MAY, MAY, [1]), [_row(MAY, 20, 40)])
    queries.publish_month(org, MAY)  # version 2, with version 1 still on record
    withdrawn = queries.withdraw_month(org, MAY, "Duplicate referrals found")
    assert sorted(release.version for release in withdrawn) == [1, 2]
    assert queries.published_version(org, MAY) is None
    assert queries.indicator_series(org, "AMT 2", user=user_with_role("councillor")) == []


def test_recompute_after_withdrawal_makes_a_new_version_and_keeps_the_withdrawn_one(org):
    queries.withdraw_month(org, MAY, "Recount")
    assert queries.save_results(org, queries.start_run(org, MAY, MAY, [1]), [_row(MAY, 9, 40)]) == {MAY: 2}
    assert queries.publish_month(org, MAY).version == 2
    assert PublishedMonth.objects.get(organisation=org, month=MAY, version=1).withdrawn_reason == "Recount"


def test_publishing_the_withdrawn_version_again_is_refused(org):
    queries.withdraw_month(org, MAY, "Recount")
    with pytest.raises(queries.WithdrawnVersion, match="recompute"):
        queries.publish_month(org, MAY)


def test_storing_results_moves_the_organisations_values_generation_on(org):
    before = type(org).objects.get(pk=org.pk).values_generation
    queries.save_results(org, queries.start_run(org, JUNE, JUNE, [1]), [_row(JUNE, 31, 40)])
    assert type(org).objects.get(pk=org.pk).values_generation == before + 1
