"""Importing an old pack's indicator tables, and the judge's view of what the pack published.

The import keeps what was published (text, RAG word, target wording, methodology). The check then
re-derives each indicator's RAG from its own published methodology for its latest month and lists
every disagreement and every methodology that contradicts itself (judging.md §4: an imported pack
is reported on, not rejected).
"""

from dataclasses import dataclass, field
from pathlib import Path

from lineofsight.formats import indicator_pack
from lineofsight.formats.problems import ERROR, Problem
from lineofsight.judge import Judgement, MethodologyError, check_bands, judge, parse_methodology

FIELD_LIMITS = {"published_text": 40, "published_rag": 20, "published_target": 40, "published_methodology": 300, "indicator_ref": 20}
ACTION_LIMITS = {"log_ref": 20, "when_text": 40, "complete": 20}
NO_RATING = {"", "grey"}  # "RAG" printed in the RAG column, a blank, or Grey: no rating given


class ImportRefused(Exception):
    """The file has errors; nothing was stored."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"row {p.row}, {p.field}: {p.message}" for p in problems if p.is_error))


@dataclass
class IndicatorCheck:
    ref: str
    title: str
    month_label: str = ""
    value_text: str = ""
    published_text: str = ""  # the RAG column as printed
    published: str = ""  # red | amber | green | "" (no rating)
    judgement: Judgement | None = None
    methodology_problems: list[str] = field(default_factory=list)
    summary_text: str = ""  # the front page's RAG for the same indicator, when it differs from the table's

    @property
    def derived(self) -> str:
        return self.judgement.status if self.judgement and self.judgement.is_rag else ""

    @property
    def disagrees(self) -> bool:
        """The published RAG and the one its methodology gives differ (including "no rating" against a rating)."""
        return bool(self.derived) and self.derived != self.published

    @property
    def unchecked_reason(self) -> str:
        """Why a published RAG could not be re-derived, when it could not."""
        if self.published and not self.derived and self.judgement is not None:
            return self.judgement.reason
        return ""

    def disagreement_text(self) -> str:
        said = f"published {self.published.capitalize()}" if self.published else f'published no rating ("{self.published_text}")' if self.published_text else "published no rating"
        distance = f"; {self.judgement.distance_text}" if self.judgement and self.judgement.distance_text else ""
        return f"{self.month_label} {self.value_text}: {said}, but its methodology makes it {self.derived.capitalize()}{distance}"


@dataclass
class ImportResult:
    organisation_code: str
    pack: indicator_pack.IndicatorPack
    checks: list[IndicatorCheck]
    warnings: list[Problem]
    stored_values: int = 0

    @property
    def disagreements(self) -> list[IndicatorCheck]:
        return [check for check in self.checks if check.disagrees]

    @property
    def inconsistent(self) -> list[IndicatorCheck]:
        return [check for check in self.checks if check.methodology_problems]

    @property
    def unchecked(self) -> list[IndicatorCheck]:
        return [check for check in self.checks if check.unchecked_reason]

    @property
    def summary_mismatches(self) -> list[IndicatorCheck]:
        return [check for check in self.checks if check.summary_text]


def check_pack(pack: indicator_pack.IndicatorPack) -> list[IndicatorCheck]:
    """Re-derive each indicator's latest RAG from its published methodology and check the methodology."""
    checks = []
    for row in pack.indicators:
        check = IndicatorCheck(row.ref, row.title, published_text=row.rag_text, published=row.rag if row.rag not in NO_RATING else "")
        latest = row.latest()
        if latest is not None:
            check.month_label, check.value_text = latest.month.strftime("%b-%y"), latest.text
        bands = None
        if row.methodology:
            try:
                bands = parse_methodology(row.methodology)
            except MethodologyError as error:
                check.methodology_problems.append(str(error))
        if bands is not None:
            check.methodology_problems += check_bands(bands, row.polarity, row.target)
            if bands.relative_to:
                check.methodology_problems.append(
                    f"the bands are a share of the {bands.relative_to}, but the pack prints a count, so no reader can apply them"
                )
        check.judgement = judge(
            latest.number if latest else None,
            polarity=row.polarity,
            bands=bands,
            target=row.target,
            percent=row.percent,
        )
        if bands is None and check.judgement.status == "data_only" and row.methodology == "":
            check.judgement = Judgement("data_only", reason="no RAG methodology published")
        summary = pack.summary_rag.get(row.ref)
        if summary is not None and _rating(summary) != check.published:
            check.summary_text = summary
        checks.append(check)
    return checks


def _rating(text: str) -> str:
    rag = indicator_pack.RAG_WORDS.get(text.strip().lower(), "")
    return "" if rag in NO_RATING else rag


def read_pack(path: Path, *, year: int | None = None) -> tuple[indicator_pack.IndicatorPack, list[Problem]]:
    pack, problems = indicator_pack.parse(path, year=year)
    return pack, problems + _length_problems(pack, path.name)


def import_pack(path: Path, org_code: str, *, year: int | None = None, org_name: str | None = None) -> ImportResult:
    """Parse, check and store a pack; raise ``ImportRefused`` (storing nothing) if the file has errors."""
    from lineofsight.performance import reported_queries

    pack, problems = read_pack(path, year=year)
    if any(problem.is_error for problem in problems):
        raise ImportRefused(problems)
    values = [
        {
            "indicator_ref": row.ref,
            "month": value.month,
            "numerator": value.number,
            "denominator": None,
            "value": value.number,
            "no_data_reason": "" if value.number is not None else value.text,
            "published_text": value.text,
            "published_rag": row.rag_text if value is row.values[-1] else "",
            "published_target": row.target_text,
            "published_methodology": row.methodology,
        }
        for row in pack.indicators
        for value in row.values
    ]
    actions = [{"log_ref": a.log_ref, "action": a.action, "when_text": a.when_text, "complete": a.complete} for a in pack.actions]
    commentary = [
        {"indicator_ref": ref, "month": note.month, "improvement_activity": note.improvement_activity, "next_steps": note.next_steps}
        for note in pack.commentary
        for ref in note.refs
        if note.month
    ]
    reported_queries.replace_reported(
        org_code, values, actions, commentary, summary=f"Imported {len(pack.indicators)} indicators from {path.name}", org_name=org_name
    )
    return ImportResult(org_code, pack, check_pack(pack), [p for p in problems if not p.is_error], len(values))


def _length_problems(pack, filename) -> list[Problem]:
    """Fields longer than the database holds: refuse rather than cut what was published."""
    problems = []
    for row in pack.indicators:
        fields = {"indicator_ref": ("Indicator Number", row.ref), "published_rag": ("RAG", row.rag_text), "published_target": ("Target", row.target_text), "published_methodology": ("RAG Methodology", row.methodology)}
        fields.update({f"published_text {v.month:%b-%y}": (f"{v.month:%b-%y}", v.text) for v in row.values})
        for key, (column, text) in fields.items():
            limit = FIELD_LIMITS[key.split(" ")[0]]
            if len(text) > limit:
                problems.append(Problem("pack.too_long", ERROR, filename, row.line, column, f"{row.ref}: '{text[:30]}…' is longer than {limit} characters"))
    for action in pack.actions:
        for key, limit in ACTION_LIMITS.items():
            if len(getattr(action, key)) > limit:
                problems.append(Problem("pack.too_long", ERROR, filename, action.line, key, f"'{getattr(action, key)[:30]}…' is longer than {limit} characters"))
    return problems
