"""Two people update the same plan action at once: the second is told, and nothing is overwritten."""

import pytest
from bs4 import BeautifulSoup

from bench.access_http import Visitor

pytest.importorskip("lineofsight.plan.update_queries", reason="plan updates (lineofsight.plan.update_queries) are not built yet")
PASSWORD = "a-long-test-password"


def form_fields(html: str) -> dict:
    form = BeautifulSoup(html, "html5lib").find("form", action=lambda a: a and "/update/" in a) or \
        next(f for f in BeautifulSoup(html, "html5lib").find_all("form") if f.find("input", attrs={"name": "based_on"}))
    return {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}


def test_the_second_of_two_concurrent_updates_is_refused_and_told_why(live_server, transactional_db, user_with_role):
    from rich.console import Console

    from lineofsight.plan import demo
    from lineofsight.plan.models import ProgressUpdate

    demo.load(Console(quiet=True))
    user_with_role("programme_officer", username="first")
    user_with_role("programme_officer", username="second")
    alice, bob = Visitor(live_server.url), Visitor(live_server.url)
    alice.sign_in("first", PASSWORD)
    bob.sign_in("second", PASSWORD)
    # given both have the action open
    page_a, page_b = alice.get("/plan/actions/1.1/"), bob.get("/plan/actions/1.1/")
    assert page_a.status == page_b.status == 200
    fields_a, fields_b = form_fields(page_a.body), form_fields(page_b.body)
    assert fields_a["based_on"] == fields_b["based_on"]
    before = ProgressUpdate.objects.filter(action__ref="1.1").count()

    # when the first saves, then the second saves from the same starting point
    first = alice.post("/plan/actions/1.1/update/", {**fields_a, "status": "On track", "commentary": "Alice: recruited two staff"})
    second = bob.post("/plan/actions/1.1/update/", {**fields_b, "status": "At risk", "commentary": "Bob: recruitment stalled"})

    # then the first is saved, the second is refused with a conflict naming the change, and only one update is stored
    assert first.status == 302
    assert second.status == 409
    assert "while you were editing" in second.body
    commentaries = list(ProgressUpdate.objects.filter(action__ref="1.1").values_list("commentary", flat=True))
    assert len(commentaries) == before + 1
    assert "Alice: recruited two staff" in commentaries and "Bob: recruitment stalled" not in commentaries
    # and the refused text is kept in the form for the second person to resubmit
    assert "Bob: recruitment stalled" in second.body


def test_of_five_updates_racing_from_the_same_start_exactly_one_is_saved(app_server):
    # Against gunicorn with a file database: the live server's shared in-memory SQLite locks whole
    # tables under concurrent writers, which no deployment does.
    from concurrent.futures import ThreadPoolExecutor

    from lineofsight.accounts.demo import DEMO_PASSWORD

    visitors = []
    for n in range(5):
        visitor = Visitor(app_server.url)
        visitor.sign_in(["programme", "admin"][n % 2], DEMO_PASSWORD)
        visitors.append(visitor)
    count = "from lineofsight.plan.models import ProgressUpdate; print(ProgressUpdate.objects.filter(action__ref='2.1', action__priority__plan__is_current=True).count())"
    # given five sessions with the same action open
    fields = [form_fields(v.get("/plan/actions/2.1/").body) for v in visitors]
    before = int(app_server.python(count))

    # when all five save at the same moment
    def save(n):
        return visitors[n].post("/plan/actions/2.1/update/", {**fields[n], "status": "On track", "commentary": f"update {n}"}).status

    with ThreadPoolExecutor(5) as pool:
        statuses = sorted(pool.map(save, range(5)))

    # then exactly one is stored and the other four are told of the conflict
    assert statuses == [302, 409, 409, 409, 409]
    assert int(app_server.python(count)) == before + 1
