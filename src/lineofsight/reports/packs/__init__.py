"""The monthly packs: indicators (Appendix 2), programme (Agenda Item 5) and workforce (Appendix 3).

Each pack module has ``build(org, month, audience, options) -> Pack``; the same ``Pack`` renders to
HTML (and through it to PDF) and to XLSX, so every format shows the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

AUDIENCES = {"internal_board": "Internal: improvement board", "public_scrutiny": "Public: scrutiny committee"}
PACKS = {
    "indicators": "Children's Improvement Priority Indicators",
    "programme": "Update on Children's Improvement Activity",
    "workforce": "Children's Social Care – Workforce Data",
}
FORMATS = {"html": "text/html; charset=utf-8", "pdf": "application/pdf", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass
class Pack:
    name: str
    title: str
    org: object
    month: date | None
    audience: str
    template: str
    context: dict
    sheets: list = field(default_factory=list)  # (sheet name, caption, header, rows) for XLSX
    suppression_log: list = field(default_factory=list)  # SuppressedCell-like rows, public packs only

    @property
    def is_public(self) -> bool:
        return self.audience == "public_scrutiny"

    @property
    def audience_text(self) -> str:
        return AUDIENCES[self.audience]

    def filename(self, extension: str) -> str:
        month = self.month.strftime("%Y-%m") if self.month else "no-month"
        code = getattr(self.org, "code", "org").lower()
        return f"{self.name}-pack-{code}-{month}-{self.audience.replace('_', '-')}.{extension}"


def build(name: str, org, month: date | None, audience: str, *, threshold: int = 5, today: date | None = None, unpublished: bool = True) -> Pack:
    """Build a pack; ``unpublished=False`` keeps an internal pack to published months (for readers who may not see drafts)."""
    if name not in PACKS:
        raise ValueError(f"unknown pack {name!r}: use one of {', '.join(PACKS)}")
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    from importlib import import_module

    module = import_module(f"lineofsight.reports.packs.{name}")
    return module.build(org, month, audience, threshold=threshold, today=today, unpublished=unpublished)
