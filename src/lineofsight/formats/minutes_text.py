"""Minutes as text: Word-made minutes, a ModernGov meeting page, or a ModernGov agenda-item page.

``parse(source) -> (draft, problems)``. The three layouts share one reader for attendance and one
for conclusions and recommendations; anything the reader cannot place goes to ``draft.unplaced``.
A sample of Word-made minutes (the family this reads: headings, ``n/yy`` item numbers)::

    Scrutiny & Overview Committee
    Meeting of held on Tuesday, 6 March 2018 at 6.30 pm in Council Chamber - Town Hall
    MINUTES
    Present: Councillor Sean Fitzsimons (Chair);
    Apologies: Councillor Carole Bonner
    PART A
    12/18 Children's Improvement Plan Update
    The Committee were provided with an update ...
    Conclusions
    - i. Further information was required on the effectiveness ...

A ModernGov meeting page pastes as a table: items between lines holding only ``|``, each
``Title [PDF 170 KB] purpose Minutes: minutes text |``. An agenda-item page is one item:
``Agenda item`` / title / purpose / ``Minutes:`` / text / ``Supporting documents:``.
"""

from lineofsight.formats import minutes_pages, minutes_word
from lineofsight.formats.minutes_common import check_draft, clean_lines
from lineofsight.formats.minutes_draft import MinutesDraft
from lineofsight.formats.problems import Problem


def detect_layout(lines: list[str]) -> str:
    """
    >>> detect_layout(["Home > Agenda item", "", "Agenda item", "Title", "Minutes:"])
    'agenda_item_page'
    >>> detect_layout(["No. | Item |", "Apologies Minutes: none |", "|"])
    'moderngov_meeting_page'
    >>> detect_layout(["MINUTES", "Present: Councillor A"])
    'word_minutes'
    """
    head = [line for line in lines[:12] if line]
    if any(line.lower() in {"agenda item", "home > agenda item"} for line in head):
        return "agenda_item_page"
    bars = sum(1 for line in lines if line == "|" or line.endswith(" |"))
    if bars >= 1 and any("Minutes:" in line for line in lines):
        return "moderngov_meeting_page"
    return "word_minutes"


def parse(source: str | bytes, filename: str = "minutes") -> tuple[MinutesDraft, list[Problem]]:
    """Read minutes text of any familiar layout; never raises on odd input.

    >>> draft, problems = parse("Children Committee\\nheld on 1 May 2024\\nPresent: Councillor Ann Lee (Chair)\\n1/24 Welcome\\nAll welcomed.")
    >>> draft.meeting_date, [i.number for i in draft.items], problems
    (datetime.date(2024, 5, 1), ['1/24'], [])
    """
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    lines = clean_lines(source)
    layout = detect_layout(lines)
    reader = {"agenda_item_page": minutes_pages.read_agenda_item_page, "moderngov_meeting_page": minutes_pages.read_meeting_page}.get(layout, minutes_word.read)
    draft = reader(lines)
    draft.layout = layout
    return draft, check_draft(draft, filename)
