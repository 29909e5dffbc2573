"""``lineofsight import-indicators``: load an old pack's indicator tables and report where its RAGs broke its own rules."""

from pathlib import Path

import typer

from lineofsight.cli.app import app, setup_django


@app.command("import-indicators")
def import_indicators(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Pack text (tab-separated), CSV or XLSX"),
    org: str = typer.Option(..., "--org", help="Organisation code, e.g. CRO; created if missing"),
    year: int = typer.Option(None, "--year", help="First calendar year of the financial year, for month headings without a year"),
    name: str = typer.Option(None, "--name", help="The organisation's name, if it is created"),
) -> None:
    """Import published indicator values, action log and commentary; print the judge's report."""
    setup_django()
    from lineofsight.performance.reported import ImportRefused, import_pack

    try:
        result = import_pack(file, org, year=year, org_name=name)
    except ImportRefused as refused:
        typer.echo(f"Nothing was imported: {file.name} has errors.", err=True)
        for problem in refused.problems:
            if problem.is_error:
                typer.echo(f"  row {problem.row}, {problem.field or 'file'}: {problem.message}", err=True)
        raise typer.Exit(1) from None
    typer.echo("\n".join(report_lines(result)))


def report_lines(result) -> list[str]:
    pack = result.pack
    months = pack.months
    span = f"{months[0]:%b %Y} to {months[-1]:%b %Y}" if months else "no months"
    lines = [
        f"Imported {len(pack.indicators)} indicators ({result.stored_values} monthly values, {span}), "
        f"{len(pack.actions)} action log rows and {len(pack.commentary)} commentaries for {result.organisation_code}.",
    ]
    for warning in result.warnings:
        lines.append(f"  Note, row {warning.row}: {warning.message}")
    lines += ["", "The judge's report: each indicator's latest RAG re-derived from its own published methodology.", ""]
    lines.append(f"RAG disagreements ({len(result.disagreements)}):")
    lines += [f"  {check.ref}: {check.disagreement_text()}" for check in result.disagreements] or ["  none"]
    lines += ["", f"Inconsistent methodology ({len(result.inconsistent)}):"]
    for check in result.inconsistent:
        lines += [f"  {check.ref}: {problem}" for problem in check.methodology_problems]
    if not result.inconsistent:
        lines.append("  none")
    if result.unchecked:
        lines += ["", f"Published RAGs that cannot be re-derived ({len(result.unchecked)}):"]
        lines += [f"  {check.ref}: published {check.published.capitalize()}, but {check.unchecked_reason}" for check in result.unchecked]
    if result.summary_mismatches:
        lines += ["", f"Front-page RAG differs from the indicator table ({len(result.summary_mismatches)}):"]
        lines += [
            f"  {check.ref}: front page {check.summary_text}, table {check.published_text or 'blank'}" for check in result.summary_mismatches
        ]
    agreed = [check for check in result.checks if check.derived and not check.disagrees]
    lines += ["", f"{len(agreed)} published RAGs agree with their methodology."]
    return lines
