"""The demo borough: a synthetic medium-sized council, loaded, computed and (all but the latest month) published.

Idempotent: a second run finds DEMO's values and only makes sure owners and team managers are set.
"""

from __future__ import annotations

import tempfile

from django.contrib.auth.models import User

from lineofsight.indicators import definitions
from lineofsight.judge.periods import add_months
from lineofsight.performance import queries
from lineofsight.performance.compute import NothingToCompute, compute_organisation
from lineofsight.performance.models import IndicatorOwner, Team

ORG_CODE = "DEMO"
DEMO_MONTHS = 24
ORG_NAME = "Demo Borough (synthetic)"
OWNER_REFS = ("AMT 2", "CP 5", "CIN 4")  # the demo target owner's indicators
MANAGED_TEAM_NAME = "Assessment"


def load(console) -> None:
    org = queries.organisation(ORG_CODE)
    if org is None or not queries.computed_months(org):
        _compute(console)
        org = queries.organisation(ORG_CODE)
        months = queries.computed_months(org)
        for month in months[:-1]:
            queries.publish_month(org, month)
        console.print(f"Demo borough: {len(months)} months computed, {max(len(months) - 1, 0)} published (the latest left for review)")
    _link_people(org)


def _compute(console) -> None:
    from lineofsight.synth import default_end_month

    # 24 months ending with the last complete month; the synthetic extract carries a year of history
    # before them so that 12-month look-backs (re-referrals) are whole from the first month shown.
    last = default_end_month()
    months = dict(first_month=add_months(last, -(DEMO_MONTHS - 1)), last_month=last)
    try:
        summary = compute_organisation(ORG_CODE, name=ORG_NAME, is_synthetic=True, **months)
    except NothingToCompute:
        from lineofsight.store.loading import load_path
        from lineofsight.synth import generate

        with tempfile.TemporaryDirectory(prefix="lineofsight-demo-") as folder:
            console.print(f"Demo borough: generating {DEMO_MONTHS} months of synthetic case data")
            generate("medium", DEMO_MONTHS, 1, "ssd", folder, end_month=last)
            load_path(folder, ORG_CODE)
        summary = compute_organisation(ORG_CODE, name=ORG_NAME, is_synthetic=True, **months)
    console.print(f"Demo borough: {summary.message}")


def _link_people(org) -> None:
    for item in definitions():
        if item.owner:
            queries.ensure_indicator_owner(org, item.ref, item.owner)
    owner = User.objects.filter(username="owner").first()
    if owner:
        for owned in IndicatorOwner.objects.filter(organisation=org, indicator_ref__in=OWNER_REFS):
            owned.users.add(owner)
    manager = User.objects.filter(username="manager").first()
    if manager:
        for team in Team.objects.filter(organisation=org, name__istartswith=MANAGED_TEAM_NAME):
            team.managers.add(manager)
