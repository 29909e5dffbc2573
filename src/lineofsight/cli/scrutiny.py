"""import-minutes: read minutes (text or ModernGov XML) into a draft meeting an officer confirms."""

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from lineofsight.cli.app import app, setup_django


def read_minutes(file: Path):
    from lineofsight.scrutiny.minutes_files import parse_upload

    return parse_upload(file.name, file.read_bytes())


@app.command("import-minutes")
def import_minutes(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Minutes as text (Word, a ModernGov page) or a ModernGov GetMeeting XML."),
    committee: str = typer.Option(..., "--committee", help="The committee's name or code, e.g. 'CYP'."),
    meeting_date: str = typer.Option(None, "--date", help="YYYY-MM-DD, when the minutes do not say."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Parse and show the draft; store nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print the draft as JSON."),
) -> None:
    """Import minutes as a draft meeting; nothing is stored if any part cannot be placed."""
    err = Console(stderr=True)
    given_date = None
    if meeting_date:
        try:
            given_date = date.fromisoformat(meeting_date)
        except ValueError:
            err.print(f"--date {meeting_date!r} is not a date in the form YYYY-MM-DD.")
            raise typer.Exit(2) from None
    draft, problems = read_minutes(file)
    if dry_run:
        if given_date and draft.meeting_date is None:
            draft.meeting_date = given_date
            draft.notes.append(f"meeting date {given_date.isoformat()} supplied with --date, not read from the minutes")
        if as_json:
            typer.echo(json.dumps({"draft": draft.as_dict(), "problems": [p.as_dict() for p in problems]}, indent=2, ensure_ascii=False))
        else:
            _describe(Console(), draft, problems)
        raise typer.Exit(1 if any(p.is_error for p in problems) else 0)

    setup_django()
    from lineofsight.scrutiny.import_queries import ImportRefused, committee_named, save_draft

    found = committee_named(committee)
    if found is None:
        err.print(f"No committee named {committee!r}. Nothing was stored.")
        raise typer.Exit(1)
    try:
        record = save_draft(draft, problems, found, source_name=file.name, meeting_date=given_date)
    except ImportRefused as refused:
        for problem in refused.problems:
            err.print(f"[red]{file.name}[/red]: {problem}", highlight=False)
        err.print("Refused: nothing was stored.")
        raise typer.Exit(1) from None
    _describe(Console(), draft, problems)
    Console().print(f"Stored as a draft for review: /scrutiny/imports/{record.pk}/")


def _describe(console: Console, draft, problems) -> None:
    console.print(f"{draft.committee or '(committee not named)'}, {draft.meeting_date or '(no date)'} ({draft.layout})")
    console.print(f"{len(draft.items)} item(s), {len(draft.attendance)} attendance row(s), {len(draft.declarations)} declaration(s)")
    for item in draft.items:
        lifted = ", ".join(f"{len(v)} {k}" for k, v in (("conclusions", item.conclusions), ("recommendations", item.recommendations), ("resolutions", item.resolutions), ("actions", item.actions)) if v)
        console.print(f"  {item.number or '-'} {item.title}{' [Part B]' if item.part == 'B' else ''}{f' ({lifted})' if lifted else ''}", highlight=False)
    for unplaced in draft.unplaced:
        console.print(f"[yellow]Not placed[/yellow] ({unplaced.where}): {unplaced.text[:200]}", highlight=False)
    for note in draft.notes:
        console.print(f"[cyan]Note[/cyan]: {note}", highlight=False)
    for problem in problems:
        console.print(f"[{'red' if problem.is_error else 'yellow'}]{problem.severity}[/]: {problem.message}", highlight=False)
