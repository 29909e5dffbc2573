"""Presenters without a database: stand-in objects carry just the fields read."""

from datetime import date
from types import SimpleNamespace

from lineofsight.scrutiny import presenters


class Many(list):
    def all(self):
        return self


def rec(status="awaiting", due=date(2019, 1, 27), responses=()):
    meeting = SimpleNamespace(day=date(2018, 11, 27))
    item = SimpleNamespace(plan_action_refs="7.1, 7.2", indicator_refs="", number="", title="Plan update")
    return SimpleNamespace(ref="CYP 18/19 05", text="Evidence be provided.", responses=Many(responses), response_due=due, status=status, meeting=meeting,
                           item=item, plan_action_refs="", indicator_refs="CP 5", addressee="", get_to_whom_display=lambda: "Cabinet")


def test_recommendation_without_response_past_due_is_overdue():
    shown = presenters.RecommendationPresenter(rec(), date(2019, 1, 28))
    assert shown.overdue and shown.status_tag == {"text": "Overdue", "classes": "govuk-tag--red"}


def test_recommendation_on_its_due_day_is_not_yet_overdue():
    assert not presenters.RecommendationPresenter(rec(), date(2019, 1, 27)).overdue


def test_implemented_recommendation_is_never_overdue():
    assert not presenters.RecommendationPresenter(rec(status="implemented"), date(2020, 1, 1)).overdue


def test_links_fall_back_to_the_items_plan_actions():
    shown = presenters.RecommendationPresenter(rec(), date(2019, 1, 1))
    assert (shown.plan_action_refs, shown.indicator_refs) == (["7.1", "7.2"], ["CP 5"])


def test_part_b_item_withheld_shows_title_and_exemption_only():
    item = SimpleNamespace(pk=3, number="35/24", title="Placement contract", part="B", exempt_paragraph="Paragraph 3", purpose="Secret purpose",
                           minutes="Exempt detail.", minutes_truncated=False, number_inferred=False, plan_action_refs="", indicator_refs="",
                           conclusions=Many([SimpleNamespace(text="Secret conclusion")]), resolutions=Many(), recommendations=Many(), actions=Many())
    shown = presenters.ItemPresenter(item, may_see_part_b=False, today=date(2024, 9, 11))
    assert shown.withheld and shown.exemption == "Part B: exempt information (Paragraph 3)"
    assert (shown.minutes_paragraphs, shown.conclusions, shown.purpose) == ([], [], "")
    assert presenters.ItemPresenter(item, may_see_part_b=True, today=date(2024, 9, 11)).conclusions == ["Secret conclusion"]
