"""Croydon's Scrutiny & Overview Committee and its Children & Young People Sub-Committee, from public minutes.

The seed minutes in ``demo_data/`` are imported through the same importer an officer uses; the
2018–19 conclusions and recommendations come from the chair's report (Appendix C). Dates not in the
text are supplied and marked so (docs/scrutiny.md). Appendix C records no responses, so none are
loaded: its recommendations show as awaiting a response, overdue, which is what the record says.
Nothing is invented to fill a page. Running twice changes nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from lineofsight.formats import minutes_text
from lineofsight.scrutiny import deadlines
from lineofsight.scrutiny.import_queries import add_recommendation, confirm, member_named, municipal_year_for, save_draft
from lineofsight.scrutiny.models import AgendaItem, Committee, Conclusion, Meeting, Membership, MinutesImport, Recommendation, WorkProgrammeItem

DATA = Path(__file__).resolve().parent / "demo_data"
STANDING_ITEM = "What difference has this meeting made to Croydon's Children?"

SEED_IMPORTS = [
    # (file, committee code, date when the text gives none)
    ("003_so_agenda_and_minutes_2017-10-31.txt", "SO", None),
    ("000_so_minutes_2018-03-06.txt", "SO", None),
    # An agenda-item page repeating item 12/18 of 6 March 2018: its date comes from that context.
    ("001_agenda_item_12-18.txt", "SO", date(2018, 3, 6)),
    # A CYP Sub-Committee meeting after 16 July 2024 whose page gives no date: supplied (docs/scrutiny.md).
    ("004_cyp_meeting_page_2024.txt", "CYP", date(2024, 9, 10)),
]

SO_MEMBERS = [("Sean Fitzsimons", "chair"), ("Jan Buttinger", "vice_chair"), ("Carole Bonner", "member"), ("Patsy Cummings", "member"),
              ("Stephen Mann", "member"), ("Vidhi Mohan", "member"), ("Sherwan Chowdhury", "reserve"), ("Mario Creatura", "reserve"),
              ("Bernadette Khan", "reserve"), ("Joy Prince", "reserve"), ("Sue Winborn", "reserve"), ("Callton Young", "reserve")]
CYP_MEMBERS_2018 = [("Robert Ward", "chair", None, None), ("Sean Fitzsimons", "vice_chair", None, None), ("Sue Bennett", "member", None, None),
                    ("Mary Croos", "member", None, None), ("Jerry Fitzpatrick", "member", None, None), ("Maddie Henson", "member", None, None),
                    ("Maggie Mansell", "member", None, date(2018, 12, 31)), ("Helen Redfern", "member", None, None),
                    ("Callton Young", "member", date(2019, 2, 1), None)]
SO_WORK_PROGRAMME = [
    (date(2017, 12, 12), ["Leader Q&A", "Budget 18/19", "Children's Improvement Plan"], "taken"),
    (date(2018, 1, 30), ["Economy & Jobs Q&A", "Culture, Leisure and Sport Q&A", "Growth Zone", "Good Employer Scheme", "Small Business Commission", "Children's Improvement Plan"], "taken"),
    (date(2018, 3, 6), ["Communities, Safety & Justice Q&A", "Community Safety Strategy", "Culture Plan", "Children's Improvement Plan"], "taken"),
    # Minute 14/18: "The Members agreed for the meeting on 17 April to be cancelled."
    (date(2018, 4, 17), ["Devolution", "Children's Improvement Plan"], "dropped"),
]


def committees() -> tuple[Committee, Committee]:
    so, _ = Committee.objects.get_or_create(code="SO", defaults={
        "name": "Scrutiny & Overview Committee", "kind": "scrutiny",
        "remit": "Sets the scrutiny work programme and that of its Sub-Committees; scrutinised the Children's Improvement Plan until May 2018.",
    })
    cyp, _ = Committee.objects.get_or_create(code="CYP", defaults={
        "name": "Children & Young People Sub-Committee", "kind": "sub_committee", "parent": so,
        "remit": "Scrutiny of services for children and young people, including education.",
        "delegated_responsibilities": "From May 2018, scrutiny of the Children's Improvement Plan (delegated by the Scrutiny & Overview Committee, 13 March 2018).",
        "standing_item": STANDING_ITEM,
    })
    return so, cyp


def memberships(so: Committee, cyp: Committee) -> None:
    for name, role in SO_MEMBERS:
        Membership.objects.get_or_create(member=member_named(name), committee=so, role=role, defaults={"start": date(2017, 5, 24), "end": date(2018, 5, 22)})
    for name, role, start, end in CYP_MEMBERS_2018:
        Membership.objects.get_or_create(member=member_named(name), committee=cyp, role=role,
                                         defaults={"start": start or date(2018, 5, 23), "end": end or date(2019, 5, 21)})
    governor = member_named("Paul O'Donnell", is_councillor=False, description="Voting Parent Governor Representative")
    Membership.objects.get_or_create(member=governor, committee=cyp, role="co_opted", defaults={"start": date(2024, 5, 22), "voting": True})
    user = User.objects.filter(username="councillor").first()
    demo = member_named("Demo Councillor")
    if user and demo.user_id != user.id:
        demo.user = user
        demo.save(update_fields=["user"])
    Membership.objects.get_or_create(member=demo, committee=cyp, role="member", defaults={"start": date(2024, 5, 22)})


def import_seeds(console, committees_by_code: dict[str, Committee]) -> None:
    for name, code, supplied in SEED_IMPORTS:
        committee = committees_by_code[code]
        if MinutesImport.objects.filter(committee=committee, source_name=name).exists():
            continue
        draft, problems = minutes_text.parse((DATA / name).read_text(), name)
        record = save_draft(draft, problems, committee, source_name=name, meeting_date=supplied)
        confirm(record, None)
        console.print(f"Scrutiny: imported {name} ({len(draft.items)} items)")


def work_programme(so: Committee) -> None:
    for day, topics, status in SO_WORK_PROGRAMME:
        meeting = Meeting.objects.filter(committee=so, start__date=day).first()
        for topic in topics:
            WorkProgrammeItem.objects.get_or_create(committee=so, topic=topic, planned_date=day, defaults={
                "municipal_year": municipal_year_for(day), "planned_meeting": meeting, "status": status,
                "kind": "question_time" if "Q&A" in topic else "report"})


def appendix_c(cyp: Committee) -> None:
    """The 2018–19 meetings as the chair's report records them: items, conclusions, recommendations."""
    data = json.loads((DATA / "002_appendix_c_2018-19.json").read_text())
    for meeting_data in data["meetings"]:
        day = date.fromisoformat(meeting_data["date"])
        meeting, created = Meeting.objects.get_or_create(committee=cyp, start__date=day, defaults={
            "start": timezone.make_aware(datetime.combine(day, time(18, 30))), "status": "held", "venue": "Council Chamber, Town Hall"})
        if not created:
            continue
        for order, item_data in enumerate(meeting_data["items"], start=1):
            item = AgendaItem.objects.create(meeting=meeting, order=order, title=item_data["title"], plan_action_refs=item_data.get("plan_action_refs", ""),
                                             minutes="(Conclusions and recommendations from the chair's report 2018–19, Appendix C.)")
            for index, text in enumerate(item_data["conclusions"], start=1):
                Conclusion.objects.create(item=item, order=index, text=text)
            for index, rec in enumerate(item_data.get("recommendations", []), start=1):
                add_recommendation(meeting, item, rec["text"], None, to_whom=rec.get("to_whom", "cabinet"), addressee=rec.get("addressee", ""),
                                   plan_action_refs=rec.get("plan_action_refs", ""), order=index)


def load(console) -> None:
    with transaction.atomic():
        so, cyp = committees()
        memberships(so, cyp)
        import_seeds(console, {"SO": so, "CYP": cyp})
        work_programme(so)
        appendix_c(cyp)
        # 000 item 12/18 discussed child protection visits and review timescales (indicators CP 13, CP 5).
        AgendaItem.objects.filter(meeting__committee=so, number="12/18", indicator_refs="").update(indicator_refs="CP 5, CP 13")
    overdue = [r.ref for r in Recommendation.objects.filter(responses__isnull=True) if deadlines.recommendation_is_overdue(r.response_due, False, timezone.localdate())]
    if overdue:
        console.print(f"Scrutiny: {len(overdue)} recommendation(s) overdue a response: {', '.join(overdue)}")
