"""The demo: Croydon's committees from public minutes, loaded once, producing the 2018–19 chair's report."""

import pytest
from rich.console import Console

from lineofsight.accounts import demo as accounts_demo
from lineofsight.scrutiny import demo
from lineofsight.scrutiny.models import AgendaItem, Attendance, Committee, Meeting, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    console = Console(quiet=True)
    accounts_demo.load(console)
    demo.load(console)
    return console


def counts():
    return (Meeting.objects.count(), AgendaItem.objects.count(), Recommendation.objects.count(), Attendance.objects.count())


def test_loading_twice_changes_nothing(loaded):
    before = counts()
    demo.load(loaded)
    assert counts() == before


def test_seed_meetings_are_on_record_with_items_and_substitutes(loaded):
    so, cyp = Committee.objects.get(code="SO"), Committee.objects.get(code="CYP")
    march = Meeting.objects.get(committee=so, start__date="2018-03-06")
    assert march.items.filter(number__in=["12/18", "13/18"]).count() == 2
    assert march.items.filter(title__icontains="Improvement Plan Update").count() == 1  # seed 001 repeats 12/18
    september = Meeting.objects.get(committee=cyp, start__date="2024-09-10")
    assert september.date_supplied
    assert set(september.attendance.filter(kind="substitute").values_list("member__name", "substitute_for__name")) == {
        ("Samir Dwesar", "Holly Ramsey"), ("Louis Carserides", "Tamar Barrett")}


def test_demo_councillor_is_a_current_cyp_member(loaded):
    cyp = Committee.objects.get(code="CYP")
    from django.contrib.auth.models import User

    assert User.objects.get(username="councillor").pk in cyp.owner_user_ids()


def test_chairs_report_2018_19_text_has_appendix_c_shape(loaded, client):
    cyp = Committee.objects.get(code="CYP")
    text = client.get(f"/scrutiny/committees/{cyp.pk}/chairs-report/2018-19/text/").content.decode()
    meetings = [line for line in text.splitlines() if line.startswith("Meeting Date:")]
    assert meetings == ["Meeting Date: 18 September 2018", "Meeting Date: 27 November 2018", "Meeting Date: 14 January 2019",
                        "Meeting Date: 5 February 2019", "Meeting Date: 12 March 2019"]
    assert "Item: Recruitment & Retention" in text
    assert "1. That a staff representative be invited to attend a future meeting" in text
    assert "[CYP 18/19 05: Overdue: no response]" in text


def test_chairs_report_pdf_is_a_pdf(loaded, client):
    cyp = Committee.objects.get(code="CYP")
    response = client.get(f"/scrutiny/committees/{cyp.pk}/chairs-report/2018-19/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_demo_pages_render_for_democratic_services(loaded, client_as):
    client = client_as("democratic_services")
    for meeting in Meeting.objects.all():
        assert client.get(f"/scrutiny/meetings/{meeting.pk}/").status_code == 200
    for path in ["/scrutiny/", "/scrutiny/recommendations/", "/scrutiny/to-do/", "/scrutiny/imports/"]:
        assert client.get(path).status_code == 200
    assert "Overdue" in client.get(f"/scrutiny/committees/{Committee.objects.get(code='CYP').pk}/").content.decode()
