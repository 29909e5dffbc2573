"""What a minutes parser hands back: a draft meeting, never stored until an officer confirms it.

Every minutes format (``minutes_text``, ``moderngov_xml``) fills the same draft, so storing and the
review page know one shape. Wording lifted out of the minutes (conclusions, recommendations,
resolutions, actions) is kept exactly as written: only layout (bullets, numbering, line breaks
inside one entry) is taken away.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

# Attendance kinds, as the model stores them.
PRESENT = "present"
APOLOGIES = "apologies"
SUBSTITUTE = "substitute"
ALSO_PRESENT = "also_present"
OFFICER = "officer"
ABSENT = "absent"


@dataclass
class PersonEntry:
    """One person's attendance: ``role`` is chair / vice-chair / blank; ``description`` the rest in brackets."""

    name: str
    kind: str
    is_councillor: bool = True
    role: str = ""
    description: str = ""
    substitute_for: str = ""


@dataclass
class DeclarationEntry:
    member: str
    kind: str  # DPI, ORI, NRI or "" when the minutes do not say
    text: str
    item_number: str = ""


@dataclass
class ItemDraft:
    number: str
    title: str
    order: int
    part: str = "A"
    exempt_paragraph: str = ""
    purpose: str = ""
    minutes: str = ""
    minutes_truncated: bool = False
    number_inferred: bool = False
    documents: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    conclusions: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    work_programme_requests: list[str] = field(default_factory=list)


@dataclass
class Unplaced:
    """Text the parser could not put anywhere: shown on the review page, never dropped."""

    where: str
    text: str


@dataclass
class MinutesDraft:
    layout: str
    committee: str = ""
    meeting_date: date | None = None
    start_time: str = ""
    venue: str = ""
    attendance: list[PersonEntry] = field(default_factory=list)
    declarations: list[DeclarationEntry] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-safe: the ``--dry-run --json`` output and what the review page stores.

        >>> MinutesDraft("word", meeting_date=date(2018, 3, 6)).as_dict()["meeting_date"]
        '2018-03-06'
        """
        data = asdict(self)
        data["meeting_date"] = self.meeting_date.isoformat() if self.meeting_date else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> MinutesDraft:
        """
        >>> d = MinutesDraft("word", items=[ItemDraft("9/18", "Minutes", 1, conclusions=["i"])])
        >>> MinutesDraft.from_dict(d.as_dict()) == d
        True
        """
        data = dict(data)
        when = data.get("meeting_date")
        data["meeting_date"] = date.fromisoformat(when) if when else None
        data["attendance"] = [PersonEntry(**p) for p in data.get("attendance", [])]
        data["declarations"] = [DeclarationEntry(**d) for d in data.get("declarations", [])]
        data["items"] = [ItemDraft(**i) for i in data.get("items", [])]
        data["unplaced"] = [Unplaced(**u) for u in data.get("unplaced", [])]
        return cls(**data)
