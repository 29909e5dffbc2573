"""import-plan and export-plan: the improvement plan as a spreadsheet template (docs/plan-template.md)."""

from pathlib import Path

import typer
from rich.console import Console

from lineofsight.cli.app import app, setup_django


@app.command("import-plan")
def import_plan(
    file: Path = typer.Argument(..., help="The plan template: .xlsx, or the actions .csv with its companion CSVs beside it."),
    name: str = typer.Option(None, "--name", help="The plan's name, e.g. 'November 2017' (default: the file name)."),
    current: bool = typer.Option(True, "--current/--not-current", help="Make this the current plan."),
) -> None:
    """Load an improvement plan; a file with any fault is refused whole and nothing is stored."""
    setup_django()
    from lineofsight.plan.importing import ImportRefused, import_plan as run_import
    from lineofsight.plan.template_files import TemplateFileError

    console = Console(stderr=True)
    with console.status(f"Checking {file}"):
        try:
            plan = run_import(file, name or file.stem, make_current=current)
        except ImportRefused as refused:
            for problem in refused.problems:
                console.print(f"[red]{file}[/red]: {problem}", highlight=False, soft_wrap=True)
            console.print(f"Refused: {len(refused.problems)} problem(s); nothing was stored.")
            raise typer.Exit(1) from None
        except TemplateFileError as error:
            console.print(f"[red]{error}[/red]", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
    Console().print(f"Imported plan {plan.name!r}{' (current)' if plan.is_current else ''}.")


@app.command("export-plan")
def export_plan(
    out: Path = typer.Option(..., "--out", help="Where to write: .xlsx, or .csv (companion CSVs are written beside it)."),
    name: str = typer.Option(None, "--name", help="Which plan (default: the current one)."),
) -> None:
    """Write a plan as the import template, so exporting and importing again loses nothing."""
    setup_django()
    from lineofsight.plan.importing import export_plan as run_export
    from lineofsight.plan.models import Plan
    from lineofsight.plan.template_files import TemplateFileError

    try:
        written = run_export(out, name)
    except Plan.DoesNotExist:
        Console(stderr=True).print(f"No plan named {name!r}." if name else "No current plan to export.")
        raise typer.Exit(1) from None
    except TemplateFileError as error:
        Console(stderr=True).print(str(error), highlight=False)
        raise typer.Exit(1) from None
    Console().print("Wrote " + ", ".join(str(p) for p in written))
