from datetime import date

import pytest

from lineofsight.plan import models, queries
from lineofsight.plan.update_queries import append_update


def test_tree_runs_workstream_priority_action_with_sros(small_plan):
    tree = queries.current_plan_tree(date(2017, 12, 12))
    assert [w.name for w in tree.workstreams] == ["Practice", "People and Performance"]
    practice = tree.workstreams[0]
    assert practice.sro.name == "Philip Segurolo"
    assert [a.ref for a in practice.priorities[0].actions] == ["2.3", "2.10"]


def test_statuses_are_derived_as_at_the_given_day(small_plan):
    in_december = {a.ref: a.status for a in queries.current_plan_tree(date(2017, 12, 12)).actions}
    in_january = {a.ref: a.status for a in queries.current_plan_tree(date(2018, 1, 2)).actions}
    assert in_december == {"2.3": "On track", "2.10": "On track", "6.7": "Overdue", "6.10": "On track"}
    assert in_january["2.10"] == "Overdue"


def test_roll_up_counts_per_priority_and_workstream(small_plan):
    tree = queries.current_plan_tree(date(2017, 12, 12))
    people = tree.workstreams[1]
    assert people.counts == {"Complete": 0, "On track": 1, "At risk": 0, "Overdue": 1}
    assert people.status == "Overdue" and tree.workstreams[0].status == "On track"
    assert tree.counts["On track"] == 3


def test_completing_the_whole_action_completes_every_milestone(small_plan):
    action = models.Action.objects.get(ref="6.7")
    append_update(action, user=None, based_on=0, status="Complete", commentary="All three done")
    node = next(a for a in queries.current_plan_tree(date(2018, 3, 1)).actions if a.ref == "6.7")
    assert node.status == "Complete" and {m.status for m in node.milestones} == {"Complete"}


def test_a_later_milestone_update_overrides_the_whole_action(small_plan):
    action = models.Action.objects.get(ref="6.7")
    first = append_update(action, user=None, based_on=0, status="On track", commentary="")
    append_update(action, user=None, based_on=first.id, status="At risk", commentary="", milestone=action.milestones.get(letter="c"))
    node = next(a for a in queries.current_plan_tree(date(2017, 11, 15)).actions if a.ref == "6.7")
    assert [m.status for m in node.milestones] == ["On track", "On track", "At risk"] and node.status == "At risk"


def test_actions_due_in_month_finds_any_milestone_in_it(small_plan):
    due = queries.actions_due_in_month(date(2017, 11, 1), today=date(2017, 10, 1))
    assert [a.ref for a in due] == ["6.7"]
    assert [m.letter for m in due[0].due_in(date(2017, 11, 1))] == ["a", "b"]
    assert [a.ref for a in queries.actions_due_in_month(date(2017, 12, 20), today=date(2017, 10, 1))] == ["2.10"]


def test_no_current_plan_is_an_error(db):
    with pytest.raises(queries.NoCurrentPlan):
        queries.current_plan_tree(date(2017, 12, 1))


def test_owner_user_ids_are_the_lead_officers_users(small_plan, user_with_role):
    user = user_with_role("lead_officer")
    models.Officer.objects.filter(initials="BP").update(user=user)
    assert models.Action.objects.get(ref="2.3").owner_user_ids() == {user.id}
    assert models.Action.objects.get(ref="2.10").owner_user_ids() == set()


def test_progress_updates_are_append_only_and_never_overdue(small_plan):
    action = models.Action.objects.get(ref="2.10")
    update = append_update(action, user=None, based_on=0, status="On track", commentary="")
    with pytest.raises(ValueError, match="append-only"):
        update.save()
    with pytest.raises(ValueError, match="not 'Overdue'"):
        models.ProgressUpdate(action=action, status="Overdue", created_at=update.created_at).save()
