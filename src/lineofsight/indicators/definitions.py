"""Indicator definitions: each is ``<area>/<code>.yml`` (what it means) plus ``<code>.sql`` (how to count it).

A definition may instead name a shared calculation with ``kind:`` (``kinds/<kind>.sql``) and the
``params`` it needs, so eight caseload indicators are one query, not eight copies (house style §5);
what the query does with undated records is then stated once, in ``kinds/<kind>.yml``.
A definition with ``no_data_reason`` has no query: its source is not in the case store.

Loading validates every field and raises ``DefinitionError`` naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's parser when present: ten times faster over the 55 definitions, same data.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from lineofsight.indicators import bad_records
from lineofsight.judge.bands import Bands, check_bands

HERE = Path(__file__).resolve().parent
AREAS = ("workforce", "front_door", "assessment", "help_and_protection", "looked_after", "fostering_adoption", "care_leavers", "quality_assurance")
UNITS = ("percent", "count", "days", "average", "rate_per_10000")
POLARITIES = ("BIB", "SIB", "in_range", "none")
PERIOD_BASES = ("in_month", "snapshot_month_end", "rolling_12_months")
BREAKDOWNS = ("service", "team", "worker")
REQUIRED = ("ref", "title", "area", "unit", "polarity", "numerator", "period_basis", "day_rule", "decisions", "tables", "owner", "targets", "rag", "breakdowns")
# Appendix 2's own order; other definitions follow in each area, numbers in numeric order (WF 2 before WF 10).
PACK_ORDER = ("P1", "W 1", "W1 a", "W1 b", "W1 c", "W1 d", "W 1 e", "FD 3", "FD 8", "AMT 2", "CIN 4", "CIN 5", "CP 5", "CP 13", "CP 10",
              "CP 10a", "MC 1", "MC 6", "LE 2", "LE 3", "LAC 10", "LAC 11", "LAC 19", "LAC 19 (12m)", "LAC 20", "F 3", "AD 7", "CL a",
              "CL 1", "CL 1a", "CL 2", "CL 3", "CL 3a", "QA 1", "QA 2", "QA 3")
PARAM_VALUE = re.compile(r"^[A-Za-z0-9_ %.|+-]*$")


class DefinitionError(ValueError):
    def __init__(self, path: Path, field_name: str, message: str):
        self.path, self.field = path, field_name
        super().__init__(f"{path.relative_to(HERE) if path.is_relative_to(HERE) else path}: field {field_name!r}: {message}")


@dataclass(frozen=True)
class Definition:
    ref: str
    title: str
    area: str
    unit: str
    polarity: str
    numerator: str
    denominator: str | None
    period_basis: str
    day_rule: str
    decisions: tuple[str, ...]
    tables: tuple[str, ...]
    owner: str
    targets: dict
    rag: dict
    breakdowns: tuple[str, ...]
    unit_tests: tuple[dict, ...]
    path: Path
    sql: str | None = None
    kind: str | None = None
    params: dict = field(default_factory=dict)
    dashboard: str = "main"
    history_months: int = 0
    no_data_reason: str = ""
    source_text: str = ""
    description: str = ""
    display: str = ""  # "ratio": show numerator:denominator rather than the value
    bad_records: dict = field(default_factory=dict)  # stg_ view -> what its records with no placing date leave (bad_records.EFFECTS)

    @property
    def slug(self) -> str:
        return slug(self.ref)

    @property
    def has_query(self) -> bool:
        return self.sql is not None

    def target_for(self, financial_year: str):
        return self.targets.get(financial_year)

    def as_metadata(self) -> dict:
        """Everything a page or the API shows about the definition (no SQL, no tests)."""
        return {
            "ref": self.ref, "slug": self.slug, "title": self.title, "area": self.area, "unit": self.unit,
            "polarity": self.polarity, "numerator": self.numerator, "denominator": self.denominator,
            "period_basis": self.period_basis, "day_rule": self.day_rule, "decisions": list(self.decisions),
            "tables": list(self.tables), "owner": self.owner, "targets": dict(self.targets), "rag": dict(self.rag),
            "breakdowns": list(self.breakdowns), "dashboard": self.dashboard, "no_data_reason": self.no_data_reason,
            "description": self.description, "source_text": self.source_text, "display": self.display,
            "bad_records": dict(self.bad_records),
        }


def slug(ref: str) -> str:
    """The URL form of a ref.

    >>> slug("AMT 2"), slug("W1 a"), slug("LAC 19 (12m)")
    ('amt-2', 'w1-a', 'lac-19-12m')
    """
    return re.sub(r"[^a-z0-9]+", "-", ref.lower()).strip("-")


def ref_key(text: str) -> str:
    """What two spellings of a ref share: ``amt-2``, ``AMT%202`` (decoded), ``AMT 2`` and ``amt2`` agree.

    >>> ref_key("amt-2") == ref_key("AMT 2") == ref_key("AMT2")
    True
    >>> ref_key("W 1 e") == ref_key("w1-e")
    True
    """
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _require(data: dict, path: Path, name: str, kinds):
    if name not in data:
        raise DefinitionError(path, name, "is missing")
    value = data[name]
    if not isinstance(value, kinds):
        raise DefinitionError(path, name, f"should be {kinds}, not {type(value).__name__}")
    return value


def _choice(data, path, name, choices):
    value = str(_require(data, path, name, (str,)))
    if value not in choices:
        raise DefinitionError(path, name, f"{value!r} is not one of {', '.join(choices)}")
    return value


def _render(sql: str, params: dict, path: Path) -> str:
    for name, value in params.items():
        if not PARAM_VALUE.match(str(value)):
            raise DefinitionError(path, f"params.{name}", f"{value!r} may hold only letters, digits, spaces and _ % . | + -")
        sql = sql.replace("{{ " + name + " }}", str(value))
    leftover = re.search(r"\{\{ *(\w+) *\}\}", sql)
    if leftover:
        raise DefinitionError(path, f"params.{leftover.group(1)}", "is used by the query but not given")
    return sql


@lru_cache(maxsize=None)
def _kind_statement(kind: str) -> dict:
    """A shared query's ``bad_records`` (``kinds/<kind>.yml``): it belongs to the query, not to each indicator using it."""
    path = HERE / "kinds" / f"{kind}.yml"
    if not path.exists():
        return {}
    return (yaml.load(path.read_text(), Loader=_LOADER) or {}).get("bad_records") or {}


def _check_bands(path: Path, rag: dict, polarity: str, unit: str, targets: dict) -> None:
    """Reject gaps, overlaps, bands against the polarity and a target outside Green (judging.md §4).

    A contradiction printed in the source pack is kept as published only if the definition names it
    in ``rag.acknowledged_problems`` (word for word as the judge states it).
    """
    if not rag["bands"]:
        return
    bands = Bands.from_dicts(rag["bands"], percent=unit == "percent")
    bands.relative_to = rag.get("relative_to")
    acknowledged = set(rag.get("acknowledged_problems") or [])
    numeric = [value for value in targets.values() if isinstance(value, (int, float))] or [None]
    for target in numeric:
        for problem in check_bands(bands, None if polarity == "none" else polarity, target):
            if problem not in acknowledged:
                raise DefinitionError(path, "rag.bands", problem)


def load_definition(path: Path) -> Definition:
    try:
        data = yaml.load(path.read_text(), Loader=_LOADER)
    except yaml.YAMLError as error:
        raise DefinitionError(path, "(yaml)", str(error)) from None
    if not isinstance(data, dict):
        raise DefinitionError(path, "(file)", "should be a mapping")
    for name in REQUIRED:
        if name not in data:
            raise DefinitionError(path, name, "is missing")
    area = _choice(data, path, "area", AREAS)
    if path.parent.name != area:
        raise DefinitionError(path, "area", f"is {area!r} but the file lives in {path.parent.name}/")
    unit = _choice(data, path, "unit", UNITS)
    polarity = _choice(data, path, "polarity", POLARITIES)
    breakdowns = tuple(_require(data, path, "breakdowns", (list,)))
    for item in breakdowns:
        if item not in BREAKDOWNS:
            raise DefinitionError(path, "breakdowns", f"{item!r} is not one of {', '.join(BREAKDOWNS)}")
    if "service" not in breakdowns:
        raise DefinitionError(path, "breakdowns", "must include service")
    denominator = data.get("denominator")
    if unit in ("percent", "average", "rate_per_10000") and not denominator:
        raise DefinitionError(path, "denominator", f"a {unit} needs a denominator")
    if unit == "count" and denominator:
        raise DefinitionError(path, "denominator", "a count has no denominator")
    targets = _require(data, path, "targets", (dict,))
    for year in targets:
        if not re.fullmatch(r"\d{4}-\d{2}", str(year)):
            raise DefinitionError(path, "targets", f"{year!r} is not a financial year like 2017-18")
    rag = dict(_require(data, path, "rag", (dict,)))
    for index, band in enumerate(rag.get("bands") or []):
        if band.get("rag") not in ("green", "amber", "red"):
            raise DefinitionError(path, f"rag.bands[{index}].rag", "should be green, amber or red")
    rag["bands"] = [{"lower": None, "upper": None, **band} for band in rag.get("bands") or []]
    _check_bands(path, rag, polarity, unit, targets)
    no_data_reason = str(data.get("no_data_reason") or "")
    kind = data.get("kind")
    params = data.get("params") or {}
    sql = None
    if not no_data_reason:
        sql_path = HERE / "kinds" / f"{kind}.sql" if kind else path.with_suffix(".sql")
        if not sql_path.exists():
            raise DefinitionError(path, "kind" if kind else "(sql)", f"no query file {sql_path.name}")
        sql = _render(sql_path.read_text(), params, path)
    if kind and "bad_records" in data:
        raise DefinitionError(path, "bad_records", f"is stated once for every {kind} indicator, in kinds/{kind}.yml")
    statement = _kind_statement(kind) if kind else data.get("bad_records") or {}
    if not isinstance(statement, dict):
        raise DefinitionError(path, "bad_records", "should be a mapping of stg_ view to what its undated records leave")
    for field_name, message in bad_records.problems(statement, sql or "", unit):
        raise DefinitionError(path, field_name, message)
    unit_tests = tuple(data.get("unit_tests") or ())
    if sql is not None and not unit_tests:
        raise DefinitionError(path, "unit_tests", "a computed indicator needs at least one unit test")
    for index, case in enumerate(unit_tests):
        for key in ("name", "given", "expect"):
            if key not in case:
                raise DefinitionError(path, f"unit_tests[{index}].{key}", "is missing")
    return Definition(
        ref=str(_require(data, path, "ref", (str,))),
        title=str(_require(data, path, "title", (str,))),
        area=area,
        unit=unit,
        polarity=polarity,
        numerator=str(data["numerator"]),
        denominator=str(denominator) if denominator else None,
        period_basis=_choice(data, path, "period_basis", PERIOD_BASES),
        day_rule=str(data["day_rule"]),
        decisions=tuple(str(item) for item in _require(data, path, "decisions", (list,))),
        tables=tuple(_require(data, path, "tables", (list,))),
        owner=str(data["owner"] or ""),
        targets={str(key): value for key, value in targets.items()},
        rag=rag,
        breakdowns=breakdowns,
        unit_tests=unit_tests,
        path=path,
        sql=sql,
        kind=kind,
        params=params,
        dashboard=str(data.get("dashboard", "main")),
        history_months=int(data.get("history_months", 0)),
        no_data_reason=no_data_reason,
        source_text=str(data.get("source_text", "")),
        description=str(data.get("description", "")),
        display=str(data.get("display", "")),
        bad_records={str(view): str(effect) for view, effect in statement.items()},
    )


def _order(item: "Definition"):
    """
    >>> from types import SimpleNamespace as D
    >>> [d.ref for d in sorted([D(ref="WF 10", area="workforce"), D(ref="WF 2", area="workforce"), D(ref="P1", area="workforce")], key=_order)]
    ['P1', 'WF 2', 'WF 10']
    """
    pack = PACK_ORDER.index(item.ref) if item.ref in PACK_ORDER else len(PACK_ORDER)
    natural = [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", item.ref)]
    return (AREAS.index(item.area), pack, natural)


@lru_cache(maxsize=1)
def _all() -> tuple[Definition, ...]:
    found = [load_definition(path) for area in AREAS for path in sorted((HERE / area).glob("*.yml"))]
    found.sort(key=_order)
    seen: dict[str, Path] = {}
    for item in found:
        key = ref_key(item.ref)
        if key in seen:
            raise DefinitionError(item.path, "ref", f"{item.ref!r} is also defined in {seen[key].name}")
        seen[key] = item.path
    return tuple(found)


def definitions(dashboard: str | None = None) -> list[Definition]:
    """Every indicator definition, in area order; ``dashboard="main"`` leaves out the workforce dashboard's."""
    return [item for item in _all() if dashboard is None or item.dashboard == dashboard]


def definition(ref: str) -> Definition:
    """One definition by ref in any spelling (``"AMT 2"``, ``"amt-2"``); KeyError if unknown."""
    key = ref_key(ref)
    for item in _all():
        if ref_key(item.ref) == key:
            return item
    raise KeyError(f"no indicator {ref!r}")
