"""load, unload and synth: case data into the case store, and synthetic boroughs to practise on."""

import time
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lineofsight.cli.app import app

MAX_PRINTED = 200


def _print_problems(console: Console, problems) -> None:
    table = Table(title="Problems found", show_lines=False)
    for column in ("File", "Row", "Field", "Rule", "Severity", "Message"):
        table.add_column(column, overflow="fold")
    for problem in problems[:MAX_PRINTED]:
        row = problem.as_dict()
        style = "red" if problem.is_error else "yellow"
        table.add_row(row["file"], str(row["row"]), row["field"], row["rule"], row["severity"], row["message"], style=style)
    console.print(table)
    if len(problems) > MAX_PRINTED:
        console.print(f"…and {len(problems) - MAX_PRINTED} more: write them all with --report FILE")


@app.command("load")
def load(
    path: Path = typer.Argument(..., help="A file, a folder of files, or a .zip of one."),
    org: str = typer.Option(..., "--org", help="Organisation code the data belongs to, e.g. 306 or CROYDON."),
    report: Path | None = typer.Option(None, "--report", help="Write every problem found to this CSV file."),
    store: Path | None = typer.Option(None, "--store", help="Case store file (default: the configured case store)."),
    source_format: str | None = typer.Option(None, "--format", help="ssd, cin, 903 or annexa (default: detect)."),
) -> None:
    """Load case data into the case store: all of it, or (on any error) none of it."""
    from lineofsight.formats.problems import write_report
    from lineofsight.store.loading import LoadRefused, load_path
    from lineofsight.store.unzip import unpacked

    console = Console()
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,} / {task.total:,} rows"),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("reading", total=1, rate="")

        def progress(stage: str, done: int, total: int) -> None:
            elapsed = time.perf_counter() - started
            bar.update(task, description=stage, completed=done, total=max(total, 1), rate=f"{done / elapsed:,.0f} rows/s" if elapsed > 0 else "")

        try:
            with unpacked(path) as source:
                result = load_path(source, org, store_path=store, progress=progress, source_format=source_format)
        except LoadRefused as refused:
            bar.stop()
            _print_problems(console, refused.problems)
            if report:
                write_report(refused.problems, report)
                console.print(f"Report written to {report}")
            errors = sum(1 for problem in refused.problems if problem.is_error)
            console.print(f"[red]Nothing was loaded: {errors} error(s). Fix them and load again.[/red]")
            raise typer.Exit(1)
    if result.problems:
        _print_problems(console, result.problems)
    if report:
        write_report(result.problems, report)
    rate = result.row_count / result.seconds if result.seconds else 0
    console.print(f"Loaded batch {result.batch_id}: {result.row_count:,} rows from {result.source_format} for {org.upper()} "
                  f"({result.period_start} to {result.period_end}) in {result.seconds:.1f}s, {rate:,.0f} rows/s")


@app.command("unload")
def unload(batch_id: int = typer.Argument(...), store: Path | None = typer.Option(None, "--store")) -> None:
    """Remove every row a load added."""
    from lineofsight.store.loading import unload_batch

    console = Console()
    try:
        removed = unload_batch(batch_id, store_path=store)
    except LookupError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(1)
    console.print(f"Removed batch {batch_id}: {sum(removed.values()):,} rows from {len(removed)} tables")


@app.command("synth")
def synth(
    profile: str = typer.Option("small", "--profile", help="small, medium, large or england."),
    months: int = typer.Option(24, "--months", min=1, max=120),
    seed: int = typer.Option(1, "--seed"),
    fmt: str = typer.Option("ssd", "--format", help="ssd, cin, 903 or annexa."),
    out: Path = typer.Option(..., "--out", help="Folder to write into."),
    end: str | None = typer.Option(None, "--end", help="Last month, YYYY-MM (default: the last complete month)."),
) -> None:
    """Write a synthetic borough's case data (labelled synthetic) in one of the supported formats."""
    from lineofsight.synth import FORMATS, default_end_month, generate
    from lineofsight.synth.profiles import PROFILES

    console = Console()
    if profile not in PROFILES or fmt not in FORMATS:
        console.print(f"[red]--profile must be one of {', '.join(PROFILES)} and --format one of {', '.join(FORMATS)}[/red]")
        raise typer.Exit(2)
    try:
        end_month = date.fromisoformat(f"{end}-01") if end else default_end_month()
    except ValueError:
        console.print(f"[red]--end '{end}' is not a month in the form YYYY-MM[/red]")
        raise typer.Exit(2)
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(f"generating {profile}", total=PROFILES[profile].councils)
        paths = generate(profile, months=months, seed=seed, fmt=fmt, out=out, end_month=end_month,
                         progress=lambda done: bar.update(task, completed=done))
    size = sum(path.stat().st_size for path in paths if path.exists())
    console.print(f"Wrote {len(paths)} files ({size / 1e6:,.1f} MB) to {out} in {time.perf_counter() - started:.1f}s")
