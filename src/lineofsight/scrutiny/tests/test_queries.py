"""Queries other pages call: scrutiny items about an indicator or plan action, and the issue history."""

from datetime import date

import pytest

from lineofsight.scrutiny import queries
from lineofsight.scrutiny.tests import factories

pytestmark = pytest.mark.django_db


def test_items_about_an_indicator_matches_whole_codes_only():
    cyp = factories.committee()
    meeting = factories.meeting(cyp, date(2018, 3, 6))
    about = factories.item(meeting, "Plan update", indicator_refs="CP 5, CP 13")
    about.conclusions.create(order=1, text="Conferences were late.")
    factories.item(meeting, "Other", order=2, indicator_refs="CP 50")
    found = queries.items_about(indicator_ref="CP 5")
    assert [i.pk for i in found.items] == [about.pk]
    assert [c.text for c in found.conclusions] == ["Conferences were late."]


def test_items_about_a_plan_action_includes_recommendations_carrying_the_ref():
    cyp = factories.committee()
    entry = factories.item(factories.meeting(cyp, date(2018, 11, 27)))
    rec = factories.recommendation(entry)
    rec.plan_action_refs = "7.1, 7.2"
    rec.save()
    assert [r.pk for r in queries.items_about(plan_action_ref="7.2").recommendations] == [rec.pk]
    assert queries.items_about(plan_action_ref="7.20").recommendations == []


def test_items_about_leaves_out_part_b():
    cyp = factories.committee()
    factories.item(factories.meeting(cyp, date(2018, 3, 6)), part="B", indicator_refs="CP 5")
    assert queries.items_about(indicator_ref="CP 5").items == []


def test_issue_history_since_a_date_leaves_out_older_meetings():
    cyp = factories.committee()
    factories.item(factories.meeting(cyp, date(2016, 3, 1)), minutes="Caseloads were high.")
    recent = factories.item(factories.meeting(cyp, date(2018, 3, 6)), minutes="Caseloads were still high.")
    hits = queries.issue_history(cyp, "caseloads", date(2017, 1, 1))
    assert [(h.kind, h.item.pk) for h in hits] == [("minutes", recent.pk)]
