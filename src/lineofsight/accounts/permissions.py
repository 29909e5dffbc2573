"""The one place that answers "may this user do this (to this object)?".

Roles are Django groups named as below; an anonymous visitor has the role ``public`` only.
A view declares its action with ``@requires("plan.view")``; the middleware refuses any view
without a declared action, so a new URL is closed until someone writes its rule.

Some grants are scoped to the objects a user owns (a lead officer's own actions, a target owner's
own indicators, a councillor's own committees, a service manager's own teams). Such objects answer
``owner_user_ids()``; asked without an object, a scoped grant means "on some objects".
"""

from __future__ import annotations

from collections.abc import Callable

ADMINISTRATOR = "administrator"
PERFORMANCE_ANALYST = "performance_analyst"
SERVICE_MANAGER = "service_manager"
TARGET_OWNER = "target_owner"
PROGRAMME_OFFICER = "programme_officer"
LEAD_OFFICER = "lead_officer"
DEMOCRATIC_SERVICES = "democratic_services"
COUNCILLOR = "councillor"
PUBLIC = "public"

ROLES = (
    ADMINISTRATOR,
    PERFORMANCE_ANALYST,
    SERVICE_MANAGER,
    TARGET_OWNER,
    PROGRAMME_OFFICER,
    LEAD_OFFICER,
    DEMOCRATIC_SERVICES,
    COUNCILLOR,
)
STAFF = frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST, SERVICE_MANAGER, TARGET_OWNER, PROGRAMME_OFFICER, LEAD_OFFICER, DEMOCRATIC_SERVICES})
SIGNED_IN = STAFF | {COUNCILLOR}
EVERYONE = SIGNED_IN | {PUBLIC}

# action -> roles granted it everywhere
RULES: dict[str, frozenset[str]] = {
    "public": frozenset(EVERYONE),
    "signed_in": frozenset(SIGNED_IN),
    # improvement plan
    "plan.view": frozenset(EVERYONE),
    "plan.edit": frozenset({ADMINISTRATOR, PROGRAMME_OFFICER}),
    "plan.update_action": frozenset({ADMINISTRATOR, PROGRAMME_OFFICER}),
    "plan.import": frozenset({ADMINISTRATOR, PROGRAMME_OFFICER}),
    # performance: aggregates are public once published and suppressed
    "performance.view_aggregates": frozenset(EVERYONE),
    "performance.view_unsuppressed": frozenset(SIGNED_IN),
    "performance.view_unpublished": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.view_team": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.view_worker": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.view_case_level": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.view_workforce": frozenset(SIGNED_IN),
    "performance.load_case_data": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.publish": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.write_commentary": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    "performance.edit_targets": frozenset({ADMINISTRATOR, PERFORMANCE_ANALYST}),
    # scrutiny: Part A is public; Part B for democratic services and the committee's own members
    "scrutiny.view": frozenset(EVERYONE),
    "scrutiny.view_part_b": frozenset({ADMINISTRATOR, DEMOCRATIC_SERVICES}),
    "scrutiny.edit": frozenset({ADMINISTRATOR, DEMOCRATIC_SERVICES}),
    "scrutiny.import": frozenset({ADMINISTRATOR, DEMOCRATIC_SERVICES}),
    # reports and packs
    "reports.view": frozenset(EVERYONE),
    "reports.internal": frozenset(SIGNED_IN),
    # the house
    "audit.view": frozenset({ADMINISTRATOR}),
    "accounts.manage": frozenset({ADMINISTRATOR}),
}

# (role, action) pairs granted only on the objects the user owns
SCOPED: dict[str, frozenset[str]] = {
    "plan.update_action": frozenset({LEAD_OFFICER}),
    "performance.write_commentary": frozenset({TARGET_OWNER}),
    "performance.view_team": frozenset({SERVICE_MANAGER}),
    "scrutiny.view_part_b": frozenset({COUNCILLOR}),
}


def roles_of(user) -> frozenset[str]:
    """The roles a user holds; ``public`` for everyone, nothing more for the anonymous."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset({PUBLIC})
    if user.is_superuser:
        return frozenset({ADMINISTRATOR, PUBLIC})
    cached = getattr(user, "_los_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset((names & set(ROLES)) | {PUBLIC})
        user._los_roles = cached
    return cached


def may(user, action: str, obj=None) -> bool:
    if action not in RULES:
        raise KeyError(f"no permission rule named {action!r}: add it to accounts/permissions.py")
    roles = roles_of(user)
    if roles & RULES[action]:
        return True
    if roles & SCOPED.get(action, frozenset()):
        if obj is None:
            return True
        owners = obj.owner_user_ids() if hasattr(obj, "owner_user_ids") else set()
        return getattr(user, "id", None) in owners
    return False


def requires(action: str) -> Callable:
    """Declare the action a view performs; the middleware checks it before the view runs."""
    if action not in RULES:
        raise KeyError(f"no permission rule named {action!r}")

    def mark(view):
        view.los_action = action
        return view

    return mark
