"""Part B (exempt) business: the public and other councillors see only its title and exemption paragraph.

A committee's own members and democratic services see it whole, on every page and API call.
"""

from datetime import date, datetime, timezone

import pytest

pytest.importorskip("lineofsight.scrutiny.views", reason="scrutiny pages are not built yet")

TITLE = "Placement sufficiency: individual cases"
PARAGRAPH = "Paragraph 1 of Schedule 12A: information relating to any individual"
SECRETS = ("EXEMPT-MINUTES-4417", "EXEMPT-PURPOSE-4417", "EXEMPT-RECOMMENDATION-4417")


@pytest.fixture
def exempt_item(db, user_with_role):
    from lineofsight.scrutiny.models import AgendaItem, Committee, Meeting, Member, Membership, MunicipalYear, Recommendation

    member_user = user_with_role("councillor", username="member")
    user_with_role("councillor", username="outsider")
    committee = Committee.objects.create(name="Children and Young People Sub-Committee", code="CYP")
    member = Member.objects.create(name="Jane Member", user=member_user)
    Membership.objects.create(member=member, committee=committee, start=date(2018, 5, 1))
    year = MunicipalYear.objects.create(name="2018/19", start=date(2018, 5, 1), end=date(2019, 4, 30))
    meeting = Meeting.objects.create(committee=committee, start=datetime(2018, 11, 13, 18, 30, tzinfo=timezone.utc))
    AgendaItem.objects.create(meeting=meeting, number="1/18", order=1, title="Minutes of the previous meeting", minutes="Agreed.")
    item = AgendaItem.objects.create(meeting=meeting, number="2/18", order=2, title=TITLE, part="B", exempt_paragraph=PARAGRAPH,
                                     purpose=SECRETS[1], minutes=SECRETS[0])
    recommendation = Recommendation.objects.create(committee=committee, municipal_year=year, sequence=1, ref="CYP 18/19 01", meeting=meeting,
                                                   item=item, text=SECRETS[2])
    return meeting, recommendation


def pages(meeting, recommendation):
    return [f"/scrutiny/meetings/{meeting.pk}/", f"/scrutiny/committees/{meeting.committee.pk}/", "/scrutiny/recommendations/",
            f"/scrutiny/recommendations/{recommendation.pk}/", f"/scrutiny/issue-history/?words=EXEMPT-MINUTES-4417",
            f"/api/v1/meetings/{meeting.pk}", "/api/v1/meetings", "/api/v1/recommendations"]


def seen(client, urls) -> str:
    return "\n".join(client.get(url).content.decode() for url in urls)


@pytest.mark.parametrize("who", ["public", "outsider"])
def test_part_b_shows_only_title_and_exemption_paragraph_to_those_not_on_the_committee(exempt_item, client, who):
    meeting, recommendation = exempt_item
    if who != "public":
        from django.contrib.auth.models import User

        client.force_login(User.objects.get(username=who))
    meeting_page = client.get(f"/scrutiny/meetings/{meeting.pk}/").content.decode()
    assert TITLE in meeting_page and PARAGRAPH in meeting_page
    everything = seen(client, pages(meeting, recommendation))
    leaked = [secret for secret in SECRETS if secret in everything]
    assert not leaked, f"{who} sees exempt content: {leaked}"


@pytest.mark.parametrize("who", ["member", "democratic_services"])
def test_the_committees_members_and_democratic_services_see_part_b_whole(exempt_item, client, user_with_role, who):
    from django.contrib.auth.models import User

    meeting, recommendation = exempt_item
    user = User.objects.get(username="member") if who == "member" else user_with_role(who)
    client.force_login(user)
    everything = seen(client, [f"/scrutiny/meetings/{meeting.pk}/", f"/api/v1/meetings/{meeting.pk}", f"/scrutiny/recommendations/{recommendation.pk}/"])
    assert all(secret in everything for secret in SECRETS[:1] + SECRETS[2:]), f"{who} should see the exempt minutes and recommendation"
