"""A pack as HTML (through the site's Jinja environment and components), PDF or XLSX."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template import engines

from lineofsight.reports.packs import Pack

PACK_CSS = Path(__file__).resolve().parent / "jinja2" / "reports" / "pack.css"


def to_html(pack: Pack) -> str:
    template = engines["jinja2"].get_template(pack.template)
    return template.render(
        {
            "pack": pack,
            "pack_css": PACK_CSS.read_text(),
            "council_name": settings.COUNCIL_NAME,
            "synthetic": bool(getattr(pack.org, "is_synthetic", False)),
        }
    )


def to_pdf(pack: Pack) -> bytes:
    from lineofsight.reports.pdf import html_to_pdf

    return html_to_pdf(to_html(pack))


def to_xlsx(pack: Pack) -> bytes:
    from lineofsight.reports.xlsx import workbook

    return workbook(pack)


def render(pack: Pack, fmt: str) -> bytes:
    if fmt == "html":
        return to_html(pack).encode()
    if fmt == "pdf":
        return to_pdf(pack)
    if fmt == "xlsx":
        return to_xlsx(pack)
    raise ValueError(f"unknown format {fmt!r}: use html, pdf or xlsx")
