"""Synthetic values for the presentation benchmarks: every defined indicator, 12 months, three teams.

Run against a scratch database (``LINEOFSIGHT_DATA_DIR=/tmp/present-bench``), never the demo's.
The numbers are random walks, not real children; the organisation is marked synthetic.
"""

from __future__ import annotations

import random
from datetime import date

MONTHS = [date(2016 + (10 + i) // 12, (10 + i) % 12 + 1, 1) for i in range(12)]  # Nov 2016 … Oct 2017
TEAMS = [("T1", "Assessment"), ("T2", "Care Planning"), ("T3", "Permanence")]


def seed(code: str = "BENCH") -> object:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from lineofsight import indicators
    from lineofsight.performance.models import IndicatorValue, Organisation, PublishedMonth, Team

    org, _ = Organisation.objects.get_or_create(code=code, defaults={"name": "Bench Borough (synthetic)", "is_synthetic": True})
    IndicatorValue.objects.filter(organisation=org).delete()
    for key, name in TEAMS:
        Team.objects.get_or_create(organisation=org, team_id=key, defaults={"name": name})
    rng = random.Random(7)
    rows = []
    for definition in indicators.definitions():
        level = rng.uniform(50, 95) if definition.unit == "percent" else rng.uniform(5, 250)
        for breakdown, key, label in [("service", "", "")] + [("team", k, n) for k, n in TEAMS]:
            value = level
            for month in MONTHS:
                value = max(0.0, value + rng.uniform(-6, 6))
                if definition.unit == "percent":
                    value = min(value, 100.0)
                    denominator = float(rng.randint(40, 200) if breakdown == "service" else rng.randint(3, 60))
                    numerator = round(value * denominator / 100)
                    derived = numerator / denominator * 100
                else:
                    denominator, numerator = None, float(round(value))
                    derived = numerator
                rows.append(IndicatorValue(organisation=org, indicator_ref=definition.ref, month=month, breakdown=breakdown,
                                           breakdown_key=key, breakdown_label=label, numerator=numerator, denominator=denominator, value=derived))
    IndicatorValue.objects.bulk_create(rows)
    for month in MONTHS[:-1]:
        PublishedMonth.objects.get_or_create(organisation=org, month=month, version=1)
    return org
