"""Which version of a month each reader sees."""

import pytest

from lineofsight.performance.models import IndicatorValue, PublishedMonth
from lineofsight.performance.pages import queries
from lineofsight.performance.pages.tests import factories as f

pytestmark = pytest.mark.django_db


def values(points):
    return [(p.month.month, p.value, p.published) for p in points]


def test_public_sees_the_published_version_though_a_newer_one_exists():
    org = f.organisation()
    f.series(org, "AMT 2", [70.0])
    f.series(org, "AMT 2", [75.0], version=2)
    f.publish(org, f.month(0), version=1)
    assert values(queries.visible_points(org, unpublished=False)) == [(4, 70.0, True)]


def test_analysts_see_the_newest_version_marked_unpublished():
    org = f.organisation()
    f.series(org, "AMT 2", [70.0])
    f.series(org, "AMT 2", [75.0], version=2)
    f.publish(org, f.month(0), version=1)
    assert values(queries.visible_points(org, unpublished=True)) == [(4, 75.0, False)]


def test_withdrawn_month_is_hidden_from_the_public():
    from django.utils import timezone

    org = f.organisation()
    f.series(org, "AMT 2", [70.0, 72.0])
    f.publish(org, f.month(0), f.month(1))
    PublishedMonth.objects.filter(month=f.month(1)).update(withdrawn_at=timezone.now(), withdrawn_reason="recount")
    assert values(queries.visible_points(org, unpublished=False)) == [(4, 70.0, True)]


def test_reported_history_is_public_and_computed_values_win_the_same_month():
    org = f.organisation()
    IndicatorValue.objects.create(organisation=org, indicator_ref="AMT 2", month=f.month(0), value=71.3, source=IndicatorValue.REPORTED)
    IndicatorValue.objects.create(organisation=org, indicator_ref="AMT 2", month=f.month(1), value=85.8, source=IndicatorValue.REPORTED)
    f.series(org, "AMT 2", [99.0], start=1)
    f.publish(org, f.month(1))
    assert values(queries.visible_points(org, unpublished=False)) == [(4, 71.3, True), (5, 99.0, True)]


def test_plan_links_find_the_measure_worded_like_the_title():
    from lineofsight.plan.models import Plan, Priority, SuccessMeasure, Workstream

    plan = Plan.objects.create(name="November 2017", is_current=True)
    stream = Workstream.objects.create(plan=plan, name="Practice", order=1)
    priority = Priority.objects.create(plan=plan, workstream=stream, number=1, title="Ensure consistent, high quality social work")
    SuccessMeasure.objects.create(priority=priority, order=1, text="% of child and family assessments completed within 45 days")
    SuccessMeasure.objects.create(priority=priority, order=2, text="Regular auditing to understand practice")
    links = queries.plan_links("AMT 2", "Percentage of C&F assessments completed within 45 working days")
    assert [(link["priority_number"], link["measure"]) for link in links] == [(1, "% of child and family assessments completed within 45 days")]
