"""Demo: Croydon's Children's Improvement Plan (November 2017), extracted from the seed by scripts/extract_plan.py.

Loaded once; a second run finds the plan and changes nothing. The demo user ``lead`` is linked to
Moira Keen (MK) so the lead officer role has actions of its own. The only progress updates are
those Agenda Item 5 (12 December 2017) reports, quoted from it.
"""

import csv
from datetime import datetime, time
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from lineofsight.plan.importing import import_plan
from lineofsight.plan.models import Action, Milestone, Officer, Plan, ProgressUpdate

DEMO_DATA = Path(__file__).parent / "demo_data"
PLAN_FILE = DEMO_DATA / "croydon-november-2017.csv"
PROGRESS_FILE = DEMO_DATA / "croydon-november-2017-progress.csv"
PLAN_NAME = "November 2017"
LEAD_USER, LEAD_OFFICER = "lead", "MK"


def load(console) -> None:
    with transaction.atomic():
        if Plan.objects.filter(name=PLAN_NAME).exists():
            plan = Plan.objects.get(name=PLAN_NAME)
        else:
            plan = import_plan(PLAN_FILE, PLAN_NAME, make_current=True)
            _load_progress(plan)
            console.print(f"Improvement plan loaded: {PLAN_NAME} ({Action.objects.filter(priority__plan=plan).count()} actions)")
        if not Plan.objects.filter(is_current=True).exists():
            Plan.objects.filter(pk=plan.pk).update(is_current=True)
        user = User.objects.filter(username=LEAD_USER).first()
        if user is not None:
            Officer.objects.filter(initials=LEAD_OFFICER, user__isnull=True).update(user=user)


def _load_progress(plan) -> None:
    with PROGRESS_FILE.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            action = Action.objects.get(priority__plan=plan, ref=row["ref"])
            milestone = Milestone.objects.get(action=action, letter=row["milestone"]) if row["milestone"] else None
            when = timezone.make_aware(datetime.combine(datetime.strptime(row["created_at"], "%Y-%m-%d").date(), time(12)))
            ProgressUpdate.objects.create(action=action, milestone=milestone, status=row["status"], commentary=row["commentary"],
                                          evidence_link=row["evidence_link"], author_name=row["author_name"], created_at=when)
