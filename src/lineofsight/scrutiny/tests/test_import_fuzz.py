"""Fuzzing the whole import: odd minutes are stored faithfully or refused whole, never half-stored."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats import minutes_text
from lineofsight.scrutiny.import_queries import ImportRefused, save_draft
from lineofsight.scrutiny.models import Committee, Conclusion, Meeting

LINES = st.sampled_from([
    "Scrutiny Committee", "held on 6 March 2018 at 6.30 pm", "MINUTES", "Present: Councillor Ann Lee (Chair); Councillors Bo Chan and Cy Dee",
    "Apologies: Councillor Di Eve", "PART A", "PART B", "12/18 Plan update", "13/18 Question Time", "Conclusions", "i. Caseloads were high.",
    "ii. Partners must attend.", "Recommendations", "1. That figures be circulated.", "RESOLVED that the report be noted.", "ACTION: Officer to report.",
    "", "The meeting ended at 9pm", "Signed:", "- A bullet", "paragraph 3 of Part 1 of Schedule 12A",
])


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=25))
def test_import_stores_exactly_what_was_read_or_nothing(lines):
    committee, _ = Committee.objects.get_or_create(code="FZ", defaults={"name": "Fuzz Committee"})
    Meeting.objects.filter(committee=committee).delete()
    draft, problems = minutes_text.parse("\n".join(lines))
    try:
        record = save_draft(draft, problems, committee, source_name="fuzz.txt")
    except ImportRefused:
        assert not Meeting.objects.filter(committee=committee).exists()
        return
    stored = list(Conclusion.objects.filter(item__meeting=record.meeting).order_by("item__order", "order").values_list("text", flat=True))
    # Every stored conclusion is one the parser read, word for word; a repeated item is kept once, never mixed.
    assert set(stored) <= {text for item in draft.items for text in item.conclusions}
    assert record.meeting.items.count() <= len(draft.items)
