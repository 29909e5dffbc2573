"""Rows of the packs page: one per month and pack, with a download link per format."""

from __future__ import annotations

from django.urls import reverse
from markupsafe import Markup, escape

from lineofsight.core.formatting import month_label
from lineofsight.reports.packs import AUDIENCES, PACKS

FORMAT_WORDS = {"pdf": "PDF", "html": "HTML", "xlsx": "spreadsheet (XLSX)"}


def pack_rows(org, months, audiences, *, published: set) -> list[dict]:
    rows = []
    for month in months:
        for name, title in PACKS.items():
            for audience in audiences:
                if audience == "public_scrutiny" and month not in published:
                    continue  # a public pack of an unpublished month would be empty
                query = f"?org={org.code}" if org else ""
                rows.append(
                    {
                        "month": month_label(month),
                        "title": title,
                        "audience": AUDIENCES[audience],
                        "published": month in published,
                        "downloads": [
                            {
                                "text": FORMAT_WORDS[fmt],
                                # the visible words repeat on every row; the hidden part makes each link unique to a screen reader
                                "html": Markup(f'Download {escape(FORMAT_WORDS[fmt])}<span class="govuk-visually-hidden"> of {escape(title)}, {escape(month_label(month))}, {escape(AUDIENCES[audience].lower())}</span>'),
                                "hidden": Markup(f'<span class="govuk-visually-hidden"> of {escape(title)}, {escape(month_label(month))}, {escape(AUDIENCES[audience].lower())}</span>'),
                                "href": reverse("reports:download", args=[name, month.strftime("%Y-%m"), audience, fmt]) + query,
                            }
                            for fmt in ("pdf", "html", "xlsx")
                        ],
                    }
                )
    return rows
