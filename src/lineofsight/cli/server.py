"""serve, manage and demo: running the app and preparing its embedded database."""

import importlib
import os
import subprocess
import sys

import typer
from rich.console import Console

from lineofsight.cli.app import app, setup_django

# Each app that ships demo data has a ``demo`` module with ``load(console)``; this is their order.
DEMO_LOADERS = ["accounts", "plan", "performance", "scrutiny"]


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``lineofsight manage migrate``."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lineofsight manage", *ctx.args])


@app.command()
def demo() -> None:
    """Migrate the database and load the demo data once; a second run changes nothing."""
    setup_django()
    from django.core.management import call_command

    console = Console()
    call_command("migrate", interactive=False, verbosity=0)
    for name in DEMO_LOADERS:
        try:
            loader = importlib.import_module(f"lineofsight.{name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"lineofsight.{name}.demo":
                raise
            continue
        loader.load(console)


@app.command()
def serve(
    port: int = typer.Option(int(os.environ.get("PORT", "8000")), help="Port to listen on (PORT overrides)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    production: bool = typer.Option(False, "--production", help="Run gunicorn with production settings."),
    workers: int = typer.Option(3, help="gunicorn workers (with --production)."),
) -> None:
    """Serve the web app."""
    console = Console()
    if production:
        os.environ["DJANGO_SETTINGS_MODULE"] = "lineofsight.config.production"
        setup_django()
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
        console.print(f"Line of Sight (production) at http://{host}:{port}")
        sys.exit(
            subprocess.call(
                [sys.executable, "-m", "gunicorn", "lineofsight.config.wsgi:application", "--bind", f"{host}:{port}",
                 "--workers", str(workers), "--access-logfile", "-"],
                env={**os.environ},
            )
        )
    setup_django()
    from django.core.management import call_command

    console.print(f"[bold]Line of Sight[/bold] is at [link]http://{host}:{port}/[/link]")
    call_command("runserver", f"{host}:{port}", use_reloader=False)
