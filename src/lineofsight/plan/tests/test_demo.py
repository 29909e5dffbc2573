import io
from datetime import date

from rich.console import Console

from lineofsight.accounts import demo as accounts_demo
from lineofsight.plan import demo, loading_queries, models, queries


def test_demo_loads_croydon_once_and_gives_lead_their_actions(db):
    console = Console(file=io.StringIO())
    accounts_demo.load(console)
    demo.load(console)
    first = loading_queries.plan_fingerprint()
    demo.load(console)
    assert loading_queries.plan_fingerprint() == first
    tree = queries.current_plan_tree(date(2017, 12, 12))
    assert tree.name == "November 2017" and sum(len(w.priorities) for w in tree.workstreams) == 11
    assert len(tree.actions) == 131
    lead = models.Officer.objects.get(initials="MK").user
    assert lead.username == "lead"
    assert {a.ref for a in models.Action.objects.all() if lead.id in a.owner_user_ids()} == {"1.8", "2.4", "2.6"}


def test_demo_progress_is_only_what_the_december_2017_report_says(db):
    demo.load(Console(file=io.StringIO()))
    updates = models.ProgressUpdate.objects.all()
    assert all(u.created_at.date() == date(2017, 12, 12) and "Agenda Item 5" in u.evidence_link for u in updates)
    tree = queries.current_plan_tree(date(2017, 12, 12))
    assert next(a for a in tree.actions if a.ref == "1.1").status == "Complete"
