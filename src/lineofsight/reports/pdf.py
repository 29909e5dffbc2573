"""HTML to a tagged PDF (PDF/UA-1) with WeasyPrint: packs and the chair's report print through here."""

from __future__ import annotations

import weasyprint


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Render ``html`` to PDF bytes; ``base_url`` resolves relative links, images and stylesheets.

    PDF/UA-1 makes WeasyPrint write a tagged PDF (structure tree, document language, title from
    ``<title>``), so a screen reader can follow the headings and tables of a pack.
    """
    document = weasyprint.HTML(string=html, base_url=base_url)
    return document.write_pdf(pdf_variant="pdf/ua-1")
