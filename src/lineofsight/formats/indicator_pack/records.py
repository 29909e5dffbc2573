"""What a pack's indicator tables hold, as published."""

import datetime as dt
from dataclasses import dataclass, field

@dataclass(frozen=True)
class PublishedValue:
    month: dt.date
    text: str  # as printed: "79% (6m+)"
    number: float | None  # 79.0; None when the cell is words ("Awaiting Data")
    percent: bool = False
    note: str = ""  # "(6m+)"


@dataclass
class IndicatorRow:
    ref: str
    title: str
    polarity_text: str
    polarity: str | None  # "higher_is_better" | "lower_is_better" | None
    values: list[PublishedValue]
    target_text: str
    target: float | None
    owner: str
    rag_text: str  # as printed: "Red", "Yellow", "RAG", ""
    rag: str  # "red" | "amber" | "green" | "grey" | "" (none given)
    methodology: str
    section: str = ""
    ref_note: str = ""  # "(12m)" in "LAC 19 (12m)"
    line: int = 0

    @property
    def percent(self) -> bool:
        return any(value.percent for value in self.values) or "%" in self.target_text

    def latest(self) -> PublishedValue | None:
        numbered = [value for value in self.values if value.number is not None]
        return numbered[-1] if numbered else None


@dataclass
class ActionRow:
    log_ref: str
    action: str
    when_text: str
    complete: str
    line: int = 0


@dataclass
class CommentaryRow:
    refs: list[str]
    month: dt.date | None
    improvement_activity: str
    next_steps: str
    section: str = ""
    line: int = 0


@dataclass
class IndicatorPack:
    indicators: list[IndicatorRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    commentary: list[CommentaryRow] = field(default_factory=list)
    summary_rag: dict[str, str] = field(default_factory=dict)  # the front page's "Ref / Indicator Title / RAT" list

    @property
    def months(self) -> list[dt.date]:
        return sorted({value.month for row in self.indicators for value in row.values})
