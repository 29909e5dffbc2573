"""compute, values, publish and import-comparators: indicators from the case store to the database."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lineofsight.cli.app import app, setup_django

COMPARATOR_SYMBOLS = ("c", "x", "z", "low", "k", "u", ":", "~")


def parse_month(text: str | None) -> date | None:
    """``2017-10`` -> the first of the month.

    >>> parse_month("2017-10")
    datetime.date(2017, 10, 1)
    """
    if not text:
        return None
    try:
        year, month = text.strip().split("-")[:2]
        return date(int(year), int(month), 1)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a month like 2017-10") from None


def _store_orgs() -> list[str]:
    from lineofsight.config.paths import case_store_path
    from lineofsight.store import open_store

    if not case_store_path().exists():
        return []
    connection = open_store(read_only=True)
    try:
        return [row[0] for row in connection.execute("select distinct org_code from load_batches order by 1").fetchall()]
    finally:
        connection.close()


@app.command("compute")
def compute_command(
    org: str = typer.Option(None, "--org", help="Organisation code; default every organisation in the case store."),
    first: str = typer.Option(None, "--from", help="First month, YYYY-MM (default: months not yet computed)."),
    last: str = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    force: bool = typer.Option(False, "--all", help="Recompute every month with data."),
) -> None:
    """Compute the indicators from the case store (only new or changed months unless a range is given)."""
    setup_django()
    from lineofsight.indicators import definitions
    from lineofsight.performance.compute import NothingToCompute, compute_organisation

    console = Console()
    orgs = [org.upper()] if org else _store_orgs()
    if not orgs:
        console.print("[red]The case store holds no data: load some first.[/red]")
        raise typer.Exit(1)
    count = len(definitions())
    for code in orgs:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
            task = bar.add_task(f"{code}: computing", total=count)

            def step(item, task=task, bar=bar, code=code):
                bar.update(task, advance=1, description=f"{code}: {item.ref}")

            try:
                summary = compute_organisation(code, first_month=parse_month(first), last_month=parse_month(last), force=force, progress=step)
            except NothingToCompute as error:
                console.print(f"[red]{error}[/red]")
                raise typer.Exit(1) from None
        console.print(summary.message)


@app.command("values")
def values_command(
    ref: str = typer.Argument(..., help='Indicator ref, e.g. "AMT 2" or amt-2.'),
    org: str = typer.Option(..., "--org", help="Organisation code."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    breakdown: str = typer.Option("service", "--breakdown", help="service, team or worker."),
) -> None:
    """Print an indicator's monthly series with numerator and denominator (as an analyst sees it)."""
    setup_django()
    from lineofsight.indicators import definition
    from lineofsight.performance import queries

    console = Console()
    try:
        item = definition(ref)
    except KeyError:
        console.print(f"[red]No indicator {ref!r}.[/red]")
        raise typer.Exit(1) from None
    organisation = queries.organisation(org.upper())
    if organisation is None:
        console.print(f"[red]No organisation {org!r}: run lineofsight compute first.[/red]")
        raise typer.Exit(1)
    points = queries.indicator_series(organisation, item.ref, breakdown=breakdown, user=_cli_user())
    if as_json:
        typer.echo(json.dumps({"ref": item.ref, "title": item.title, "unit": item.unit, "org": organisation.code, "breakdown": breakdown,
                               "values": [point.as_dict() for point in points]}, indent=2))
        return
    table = Table(title=f"{item.ref}: {item.title} ({organisation.code})")
    for column in (["unit"] if breakdown != "service" else []) + ["month", "numerator", "denominator", "value", "version", "published", "note"]:
        table.add_column(column)
    for point in points:
        value = "" if point.value is None else f"{point.value:.1f}"
        cells = [point.month.strftime("%Y-%m"), _show(point.numerator), _show(point.denominator), value, str(point.version),
                 "yes" if point.is_published else "no", point.no_data_reason]
        table.add_row(*([point.breakdown_label or point.breakdown_key] if breakdown != "service" else []), *cells)
    console.print(table)


def _show(number) -> str:
    if number is None:
        return ""
    return f"{number:g}" if isinstance(number, float) else str(number)


def _cli_user():
    """The command line runs as an analyst would see: everything, unsuppressed."""
    from types import SimpleNamespace

    return SimpleNamespace(is_authenticated=True, is_active=True, is_superuser=True, id=None)


@app.command("publish")
def publish_command(
    org: str = typer.Option(..., "--org", help="Organisation code."),
    month: str = typer.Option(..., "--month", help="Month to publish, YYYY-MM."),
) -> None:
    """Publish a month's computed values at their newest version."""
    setup_django()
    from lineofsight.performance.compute import NothingToCompute, publish
    from lineofsight.performance.queries import WithdrawnVersion

    console = Console()
    try:
        published = publish(org.upper(), parse_month(month))
    except (NothingToCompute, WithdrawnVersion) as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    if published is None:
        console.print(f"[red]Nothing computed for {org} in {month}.[/red]")
        raise typer.Exit(1)
    console.print(f"{org.upper()} {month} published at version {published.version}")


def read_comparators(path: Path, groups: dict[str, str]) -> list[dict]:
    """Rows of a DfE-style CSV as ComparatorValue fields; symbols (c, x, z, low, k, u) are kept, never zeroed.

    Columns: ``indicator_ref``, ``group`` (renamed through ``groups``), ``period_label``,
    ``period_end`` (YYYY-MM-DD), ``value``, optional ``source``.
    """
    rows = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for line in csv.DictReader(handle):
            raw = (line.get("value") or "").strip()
            symbol = raw.lower() if raw.lower() in COMPARATOR_SYMBOLS else ""
            symbol = {":": "x", "~": "low"}.get(symbol, symbol)
            value = None if symbol or not raw else float(raw.rstrip("%").replace(",", ""))
            group = (line.get("group") or "").strip()
            rows.append({
                "indicator_ref": line["indicator_ref"].strip(),
                "group": groups.get(group, group),
                "period_label": line["period_label"].strip(),
                "period_end": date.fromisoformat(line["period_end"].strip()),
                "value": value,
                "symbol": symbol,
                "source": (line.get("source") or str(path.name)).strip()[:300],
            })
    return rows


@app.command("import-comparators")
def import_comparators_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV: indicator_ref, group, period_label, period_end, value[, source]."),
    group: list[str] = typer.Option([], "--group", help="Rename a group: --group 'SN=Statistical neighbours' (repeatable)."),
) -> None:
    """Import England, regional and statistical-neighbour figures, keeping suppression symbols."""
    setup_django()
    from lineofsight.performance import queries

    groups = dict(item.split("=", 1) for item in group if "=" in item)
    rows = read_comparators(file, groups)
    Console().print(f"{queries.save_comparators(rows)} comparator values imported from {file.name}")
