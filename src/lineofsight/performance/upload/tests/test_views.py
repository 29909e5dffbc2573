"""The upload page: loads a clean file, refuses a broken one with a full report, and is for analysts only."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.accounts.models import AuditEvent
from lineofsight.formats.ssd_tables import TABLES
from lineofsight.store import open_store

PERSON_HEADER = ",".join(TABLES["ssd_person"])


def _person_csv(*dobs: str) -> bytes:
    lines = [PERSON_HEADER]
    for number, dob in enumerate(dobs, start=1):
        cells = [""] * len(TABLES["ssd_person"])
        cells[0], cells[3], cells[5], cells[6] = f"C{number}", "F", "WBRI", dob
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"extract/{name}", data)
    return buffer.getvalue()


@pytest.fixture
def store(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    monkeypatch.setenv("LINEOFSIGHT_CASE_STORE", str(path))
    return path


def _rows(store, table="ssd_person"):
    connection = open_store(store)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.django_db
def test_analyst_loads_a_zipped_ssd_extract_and_sees_the_rows_loaded(client_as, store):
    client = client_as("performance_analyst")
    upload = SimpleUploadedFile("extract.zip", _zip({"ssd_person.csv": _person_csv("2015-03-01", "2016-04-02")}))
    response = client.post(reverse("performance:upload"), {"org_code": "demo", "file": upload})
    assert response.status_code == 200
    assert "Case data loaded" in response.content.decode()
    assert _rows(store) == 2
    assert AuditEvent.objects.filter(object_type="case data upload", summary__contains="DEMO").exists()


@pytest.mark.django_db
def test_broken_row_loads_nothing_and_the_report_names_file_row_field_and_rule(client_as, store):
    client = client_as("performance_analyst")
    upload = SimpleUploadedFile("extract.zip", _zip({"ssd_person.csv": _person_csv("2015-03-01", "31/02/2018")}))
    response = client.post(reverse("performance:upload"), {"org_code": "DEMO", "file": upload})
    page = response.content.decode()
    assert "Nothing was loaded" in page
    for expected in ("ssd_person.csv", ">3<", "pers_dob", "date.invalid", "31/02/2018"):
        assert expected in page
    assert _rows(store) == 0


@pytest.mark.django_db
def test_file_of_the_wrong_type_is_turned_away_before_loading(client_as, store):
    client = client_as("performance_analyst")
    upload = SimpleUploadedFile("notes.pdf", b"%PDF-1.4")
    response = client.post(reverse("performance:upload"), {"org_code": "DEMO", "file": upload})
    assert "The file must be a .zip, .csv, .xml or .xlsx file" in response.content.decode()
    assert not store.exists()


@pytest.mark.django_db
def test_file_over_the_size_limit_is_turned_away(client_as, store, settings):
    settings.CASE_UPLOAD_MAX_BYTES = 10
    client = client_as("performance_analyst")
    upload = SimpleUploadedFile("ssd_person.csv", _person_csv("2015-03-01"))
    response = client.post(reverse("performance:upload"), {"org_code": "DEMO", "file": upload})
    assert "The file must be smaller than" in response.content.decode()


@pytest.mark.django_db
def test_councillor_cannot_open_the_upload_page(client_as, store):
    response = client_as("councillor").get(reverse("performance:upload"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_empty_form_shows_the_upload_page(client_as):
    response = client_as("performance_analyst").get(reverse("performance:upload"))
    assert response.status_code == 200
    assert 'type="file"' in response.content.decode()
