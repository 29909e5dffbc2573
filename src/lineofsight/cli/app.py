"""The one Typer application; each module in this package adds its commands to it."""

import os

import typer

app = typer.Typer(
    name="lineofsight",
    help="Line of Sight: case data in, indicators out, the improvement plan and scrutiny.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def setup_django() -> None:
    """Commands that touch the database call this first."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    import django

    django.setup()
