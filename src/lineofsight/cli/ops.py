"""Operations: API tokens, the audit trail, backup and restore."""

import csv
import hashlib
import secrets
import sys
from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from lineofsight.cli.app import app, setup_django

token_app = typer.Typer(help="API tokens for machine clients: created once, kept only as a SHA-256 digest.", no_args_is_help=True)
app.add_typer(token_app, name="token")


def _user(username: str):
    from lineofsight.accounts.queries import user_named

    user = user_named(username)
    if user is None:
        Console(stderr=True).print(f"No user named {username!r}.")
        raise typer.Exit(1)
    return user


@token_app.command("create")
def token_create(
    username: str = typer.Argument(..., help="The account the token acts as; it has that account's roles."),
    name: str = typer.Option(..., "--name", help="What the token is for, e.g. 'nightly export'."),
) -> None:
    """Create a token and print it once: only its digest is stored, so it cannot be shown again."""
    setup_django()
    from lineofsight.accounts.audit import record_change
    from lineofsight.accounts.models import AuditEvent
    from lineofsight.accounts.queries import create_token

    user = _user(username)
    raw = "los_" + secrets.token_urlsafe(32)
    token = create_token(user, name, hashlib.sha256(raw.encode()).hexdigest())
    record_change(None, token, after={"user": username, "name": name}, kind=AuditEvent.CREATE, summary=f"API token {name!r} created for {username}")
    Console(stderr=True).print(f"Token {name!r} for {username}. Keep it now; it will not be shown again:")
    print(raw)


@token_app.command("revoke")
def token_revoke(
    username: str = typer.Argument(...),
    name: str = typer.Option(None, "--name", help="Which token (default: every live token of the user)."),
) -> None:
    """Revoke a user's tokens; a revoked token is refused at once."""
    setup_django()
    from lineofsight.accounts.audit import record_change
    from lineofsight.accounts.queries import revoke_tokens

    revoked = revoke_tokens(_user(username), name)
    for token in revoked:
        record_change(None, token, before={"revoked": False}, after={"revoked": True}, summary=f"API token {token.name!r} of {username} revoked")
    if not revoked:
        Console(stderr=True).print("No live token matched; nothing revoked.")
        raise typer.Exit(1)
    Console().print(f"Revoked {len(revoked)} token(s): {', '.join(t.name for t in revoked)}")


AUDIT_COLUMNS = ["at", "username", "kind", "object_type", "object_id", "summary", "before", "after"]


@app.command()
def audit(
    since: datetime = typer.Option(..., "--since", formats=["%Y-%m-%d"], help="First day, YYYY-MM-DD."),
    until: datetime = typer.Option(None, "--until", formats=["%Y-%m-%d"], help="Last day, YYYY-MM-DD (default: today)."),
    object_type: str = typer.Option(None, "--type", help="Only this object type, e.g. plan.action."),
    as_csv: bool = typer.Option(False, "--csv", help="Write CSV to standard output, every column."),
) -> None:
    """Print the audit trail from a date: changes, sign-in failures and case-data access."""
    setup_django()
    import json

    from django.utils import timezone

    from lineofsight.accounts.queries import audit_events

    events = audit_events(object_type, since=since.date(), until=until.date() if until else None, limit=None).order_by("at", "id")
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(AUDIT_COLUMNS)
        for event in events.iterator():
            writer.writerow([
                timezone.localtime(event.at).isoformat(timespec="seconds"), event.username, event.kind, event.object_type,
                event.object_id, event.summary,
                "" if event.before is None else json.dumps(event.before, sort_keys=True),
                "" if event.after is None else json.dumps(event.after, sort_keys=True),
            ])
        return
    table = Table("When", "Who", "What", "Object", "Summary")
    count = 0
    for event in events.iterator():
        count += 1
        table.add_row(f"{timezone.localtime(event.at):%Y-%m-%d %H:%M:%S}", event.username or "system", event.kind,
                      f"{event.object_type} {event.object_id}".strip(), event.summary)
    console = Console()
    console.print(table)
    console.print(f"{count} event(s) since {since:%Y-%m-%d}.")


@app.command()
def backup(out: Path = typer.Option(..., "--out", help="The archive to write (.tar.gz).")) -> None:
    """Write the database and the case store into one archive."""
    setup_django()
    from django.conf import settings

    from lineofsight.accounts.backup import BackupError, create

    try:
        manifest = create(out, Path(settings.CASE_STORE_PATH))
    except BackupError as error:
        Console(stderr=True).print(str(error))
        raise typer.Exit(1) from None
    store = "and the case store" if manifest["case_store"] else "(no case store yet)"
    Console().print(f"Backed up {manifest['database_objects']} database objects {store} to {out}.")


@app.command()
def restore(
    archive: Path = typer.Argument(..., exists=True, dir_okay=False, help="An archive written by `lineofsight backup`."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask: replace everything now held."),
) -> None:
    """Replace the database and the case store with an archive's contents."""
    setup_django()
    from django.conf import settings

    from lineofsight.accounts.backup import BackupError
    from lineofsight.accounts.backup import restore as run_restore

    if not yes and not typer.confirm(f"Replace everything Line of Sight holds with {archive}?"):
        raise typer.Exit(1)
    try:
        manifest = run_restore(archive, Path(settings.CASE_STORE_PATH))
    except BackupError as error:
        Console(stderr=True).print(str(error))
        raise typer.Exit(1) from None
    Console().print(f"Restored {manifest['database_objects']} database objects from {archive} (made {manifest['created_at']}).")


