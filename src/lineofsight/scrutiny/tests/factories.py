"""Small scrutiny records for tests of pages that show what scrutiny said."""

from datetime import datetime

from django.utils import timezone

from lineofsight.scrutiny.import_queries import add_recommendation
from lineofsight.scrutiny.models import AgendaItem, Committee, Conclusion, Meeting


def item_about(*, indicator_refs: str = "", plan_action_refs: str = "", conclusion: str, recommendation: str, part: str = "A"):
    committee, _ = Committee.objects.get_or_create(code="CYP", defaults={"name": "Children & Young People Sub-Committee"})
    meeting = Meeting.objects.create(committee=committee, start=timezone.make_aware(datetime(2018, 9, 18, 18, 30)), status="held")
    item = AgendaItem.objects.create(meeting=meeting, order=1, number="5/18", title="Children's Improvement Plan", part=part,
                                     indicator_refs=indicator_refs, plan_action_refs=plan_action_refs)
    Conclusion.objects.create(item=item, order=1, text=conclusion)
    add_recommendation(meeting, item, recommendation, None, indicator_refs=indicator_refs, plan_action_refs=plan_action_refs)
    return item
