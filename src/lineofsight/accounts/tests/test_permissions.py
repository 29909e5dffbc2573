from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from lineofsight.accounts.permissions import may, requires, roles_of


def test_anonymous_visitor_is_public_only():
    assert roles_of(AnonymousUser()) == {"public"}


def test_public_may_view_plan_but_not_case_level_data():
    anonymous = AnonymousUser()
    assert may(anonymous, "plan.view")
    assert not may(anonymous, "performance.view_case_level")


def test_unknown_action_is_an_error_not_a_refusal():
    with pytest.raises(KeyError, match="no permission rule"):
        may(AnonymousUser(), "plan.fly")


def test_requires_refuses_an_unknown_action_at_import():
    with pytest.raises(KeyError):
        requires("nothing.here")


@pytest.mark.django_db
def test_lead_officer_may_update_only_own_action(user_with_role):
    lead = user_with_role("lead_officer")
    own = SimpleNamespace(owner_user_ids=lambda: {lead.id})
    other = SimpleNamespace(owner_user_ids=lambda: {lead.id + 1})
    assert may(lead, "plan.update_action", own)
    assert not may(lead, "plan.update_action", other)


@pytest.mark.django_db
def test_councillor_never_sees_case_level_or_worker_data(user_with_role):
    councillor = user_with_role("councillor")
    assert not may(councillor, "performance.view_case_level")
    assert not may(councillor, "performance.view_worker")
