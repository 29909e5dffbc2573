"""``lineofsight report``: write a monthly pack (indicators, programme, workforce) as HTML, PDF or XLSX."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from lineofsight.cli.app import app, setup_django


def _month(text: str | None) -> date | None:
    if not text:
        return None
    try:
        year, month = text.split("-")
        return date(int(year), int(month), 1)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a month like 2017-10") from None


@app.command("report")
def report(
    month: str = typer.Option(None, "--month", help="The pack's month, YYYY-MM (default: the latest with values)."),
    pack: str = typer.Option("indicators", "--pack", help="indicators, programme or workforce."),
    fmt: str = typer.Option("pdf", "--format", help="html, pdf or xlsx."),
    out: Path = typer.Option(..., "--out", help="File to write."),
    org: str = typer.Option(None, "--org", help="Organisation code (default: the first with values)."),
    audience: str = typer.Option("internal_board", "--audience", help="internal_board or public_scrutiny."),
    threshold: int = typer.Option(5, "--threshold", help="Public packs suppress counts from 1 to this."),
    published_only: bool = typer.Option(False, "--published-only", help="Leave unpublished months out of an internal pack."),
) -> None:
    """Write a monthly pack."""
    setup_django()
    from lineofsight.performance.pages import queries
    from lineofsight.reports import packs, render

    console = Console(stderr=True)
    if fmt not in packs.FORMATS:
        raise typer.BadParameter(f"--format is one of {', '.join(packs.FORMATS)}")
    organisation = queries.organisation(org)
    if organisation is None:
        console.print(f"[red]No organisation {org or ''} with values[/red]")
        raise typer.Exit(1)
    try:
        built = packs.build(pack, organisation, _month(month), audience, threshold=threshold, unpublished=not published_only)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    out.write_bytes(render.render(built, fmt))
    console.print(f"Wrote {built.title} for {organisation.name}, {built.month:%B %Y} ({built.audience_text}) to {out}" if built.month else f"Wrote an empty pack to {out}")
