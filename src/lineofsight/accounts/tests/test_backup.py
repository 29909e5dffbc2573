import pytest
from django.contrib.auth.models import Group, User

from lineofsight.accounts import backup
from lineofsight.accounts.audit import record_change
from lineofsight.accounts.models import AuditEvent

store = pytest.importorskip("lineofsight.store")


def store_rows(path):
    connection = store.open_store(path)
    try:
        return connection.execute("SELECT n FROM backup_probe ORDER BY n").fetchall()
    finally:
        connection.close()


def write_store(path, values):
    connection = store.open_store(path)
    connection.execute("CREATE OR REPLACE TABLE backup_probe (n INTEGER)")
    connection.executemany("INSERT INTO backup_probe VALUES (?)", [[v] for v in values])
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_the_database_and_the_case_store(tmp_path, user_with_role):
    analyst = user_with_role("performance_analyst", username="analyst")
    record_change(analyst, analyst, before={"email": ""}, after={"email": "a@example.org"}, summary="email set")
    case_store = tmp_path / "casestore.duckdb"
    write_store(case_store, [1, 2, 3])
    archive = tmp_path / "los.tar.gz"

    manifest = backup.create(archive, case_store)

    assert manifest["case_store"] and manifest["database_objects"] >= 3
    User.objects.filter(username="analyst").delete()
    user_with_role("councillor", username="newcomer")
    write_store(case_store, [99])

    backup.restore(archive, case_store)

    restored = User.objects.get(username="analyst")
    assert restored.check_password("a-long-test-password")
    assert list(restored.groups.values_list("name", flat=True)) == ["performance_analyst"]
    assert not User.objects.filter(username="newcomer").exists()
    assert AuditEvent.objects.get(summary="email set").after == {"email": "a@example.org"}
    assert Group.objects.filter(name="performance_analyst").exists()
    assert store_rows(case_store) == [(1,), (2,), (3,)]


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    import tarfile

    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        (tmp_path / "notes.txt").write_text("hello")
        archive.add(tmp_path / "notes.txt", "notes.txt")
    with pytest.raises(backup.BackupError, match="not a Line of Sight backup"):
        backup.restore(bogus, tmp_path / "casestore.duckdb")


@pytest.mark.django_db
def test_backup_refuses_while_a_load_holds_the_case_store(tmp_path):
    case_store = tmp_path / "casestore.duckdb"
    write_store(case_store, [1])
    import subprocess
    import sys
    import time

    # A writer in another process, as a running `lineofsight load` would be.
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from lineofsight.store import open_store; c = open_store({str(case_store)!r}); print('held', flush=True); import time; time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(backup.BackupError, match="busy"):
            backup.create(tmp_path / "los.tar.gz", case_store)
        assert time.monotonic() - started < 20
        assert not (tmp_path / "los.tar.gz").exists()
    finally:
        holder.kill()
        holder.wait()
