"""The case-data formats the store can load: each a reader (``formats``) and a mapper (``store.mapping``).

Add a format by adding an entry here; the CLI, the upload page and the loader all read this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lineofsight.formats import annex_a_xlsx, cin_census_xml, ssd_csv, ssda903_csv
from lineofsight.store.mapping import annex_a, cin_census, ssd, ssda903


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    parse: Callable
    to_store: Callable
    # A snapshot replaces the organisation's rows in the tables it contains; a return replaces the same period.
    snapshot: bool


FORMATS = {
    "ssd": Format("ssd", "SSD extract (CSV)", ssd_csv.parse, ssd.to_store, snapshot=True),
    "cin": Format("cin", "CIN census (XML)", cin_census_xml.parse, cin_census.to_store, snapshot=False),
    "903": Format("903", "SSDA903 (CSV)", ssda903_csv.parse, ssda903.to_store, snapshot=False),
    "annexa": Format("annexa", "Ofsted Annex A (xlsx)", annex_a_xlsx.parse, annex_a.to_store, snapshot=False),
}


def detect(path: Path) -> str | None:
    """Which format a file or folder holds, from names and extensions; None if none fits."""
    path = Path(path)
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    suffixes = {p.suffix.lower() for p in files}
    if any(ssd_csv.is_ssd_file(p) for p in files):
        return "ssd"
    if ".xml" in suffixes:
        return "cin"
    if ".xlsx" in suffixes or ".xlsm" in suffixes:
        return "annexa"
    if ".csv" in suffixes:
        return "903"
    return None
