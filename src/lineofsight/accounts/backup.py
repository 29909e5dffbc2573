"""One archive holding everything Line of Sight keeps: the Django database and the DuckDB case store.

The database goes as ``dumpdata`` JSON with natural keys, so one archive restores into SQLite or
PostgreSQL alike; the case store goes as its file, copied while a read-only open guarantees no load
is writing to it. Restoring empties the database first: an archive is the whole state, not a merge.
"""

import io
import json
import shutil
import tarfile
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
CASE_STORE = "casestore.duckdb"
# Rebuilt by migrate, or throwaway: restoring them would clash with the fresh database's own rows.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    pass


def _case_store_guard(store_path: Path):
    """A read-only open fails while a load holds the store, and stops one starting during the copy."""
    from lineofsight.store import open_store

    try:
        return open_store(store_path, read_only=True)
    except Exception as error:  # duckdb's IOException: the file is locked by a writer
        raise BackupError(f"The case store is busy ({error}); try again when no load is running.") from error


def create(out: Path, store_path: Path) -> dict:
    out = Path(out)
    manifest = {"format": FORMAT, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "case_store": store_path.exists()}
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE
        call_command("dumpdata", "--natural-foreign", "--natural-primary", *[f"--exclude={e}" for e in EXCLUDED], "--indent=0", f"--output={dump}", verbosity=0)
        manifest["database_objects"] = len(json.loads(dump.read_text() or "[]"))
        partial = out.with_name(out.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, DATABASE)
            if store_path.exists():
                guard = _case_store_guard(store_path)
                try:
                    archive.add(store_path, CASE_STORE)
                finally:
                    guard.close()
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(time.time())
            archive.addfile(info, io.BytesIO(data))
        partial.replace(out)  # a crash mid-backup never leaves a half archive under the real name
    return manifest


def restore(archive_path: Path, store_path: Path) -> dict:
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        names = set(archive.getnames())
        if MANIFEST not in names or DATABASE not in names:
            raise BackupError(f"{archive_path} is not a Line of Sight backup (no {MANIFEST} or {DATABASE}).")
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / MANIFEST).read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Backup format {manifest.get('format')!r} is not one this version reads ({FORMAT}).")
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(Path(work) / DATABASE), verbosity=0)
        staged = Path(work) / CASE_STORE
        if staged.exists():
            store_path.parent.mkdir(parents=True, exist_ok=True)
            wal = store_path.with_name(store_path.name + ".wal")
            wal.unlink(missing_ok=True)
            shutil.copyfile(staged, store_path.with_name(store_path.name + ".restoring"))
            store_path.with_name(store_path.name + ".restoring").replace(store_path)
        elif manifest.get("case_store") is False:
            store_path.unlink(missing_ok=True)
    return manifest
