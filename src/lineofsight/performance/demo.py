"""The demo borough: a synthetic medium-sized council, loaded, computed and (all but the latest month) published.

Idempotent: a second run finds DEMO's values and only makes sure owners and team managers are set.
"""

from __future__ import annotations

import tempfile

from django.contrib.auth.models import User

from lineofsight.indicators import definitions
from lineofsight.performance import queries
from lineofsight.performance.compute import NothingToCompute, compute_organisation
from lineofsight.performance.models import IndicatorOwner, Team

ORG_CODE = "DEMO"
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
    try:
        summary = compute_organisation(ORG_CODE, name=ORG_NAME, is_synthetic=True, force=True)
    except NothingToCompute:
        from lineofsight.store.loading import load_path
        from lineofsight.synth import default_end_month, generate

        with tempfile.TemporaryDirectory(prefix="lineofsight-demo-") as folder:
            console.print("Demo borough: generating 24 months of synthetic case data")
            generate("medium", 24, 1, "ssd", folder, end_month=default_end_month())
            load_path(folder, ORG_CODE)
        summary = compute_organisation(ORG_CODE, name=ORG_NAME, is_synthetic=True, force=True)
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
