"""The plan import page: a clean template becomes a new plan version; a faulty one is refused whole."""

import io
import zipfile

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.accounts.models import AuditEvent
from lineofsight.plan import importing, loading_queries, template_files
from lineofsight.plan.tests.conftest import small_sheets


def post_import(client, upload, name="May 2018", make_current="yes"):
    return client.post(reverse("plan:import"), {"file": upload, "name": name, "make_current": make_current})


def xlsx_of(sheets, tmp_path, filename="plan.xlsx"):
    path = tmp_path / filename
    template_files.write(path, sheets)
    return SimpleUploadedFile(filename, path.read_bytes())


@pytest.fixture
def officer(client_as):
    return client_as("programme_officer")


def test_programme_officer_sees_the_form_and_a_template_to_start_from(small_plan, officer):
    html = officer.get(reverse("plan:import")).content.decode()
    assert 'type="file"' in html and "Plan name" in html and "Make this the current plan?" in html
    assert reverse("plan:export") in html and "At present it is November 2017." in html


def test_programme_officer_imports_the_exported_plan_under_a_new_name_as_current(small_plan, officer):
    exported = officer.get(reverse("plan:export"))
    assert exported["Content-Disposition"] == 'attachment; filename="improvement-plan-november-2017.xlsx"'

    response = post_import(officer, SimpleUploadedFile("plan.xlsx", exported.content))

    assert response.status_code == 302 and response["Location"] == reverse("plan:overview")
    assert loading_queries.stored_plan("May 2018")[1] == loading_queries.stored_plan("November 2017")[1]
    current, _ = loading_queries.stored_plan()
    assert current.name == "May 2018"
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert notes == ["Plan 'May 2018' imported: 2 workstreams, 2 priorities, 4 actions and 6 milestones. It is now the current plan."]
    event = AuditEvent.objects.get(object_type="plan.plan", object_id=str(current.pk))
    assert event.kind == AuditEvent.CREATE and event.username == "programme_officer"
    assert "replacing 'November 2017'" in event.summary


def test_a_zip_of_the_template_csvs_imports_without_changing_the_current_plan(small_plan, officer, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in importing.export_plan(tmp_path / "plan.csv"):
            archive.write(path, f"refresh/{path.name}")
    response = post_import(officer, SimpleUploadedFile("plan.zip", buffer.getvalue()), make_current="no")

    assert response.status_code == 302
    assert loading_queries.stored_plan("May 2018")[1] == loading_queries.stored_plan("November 2017")[1]
    assert loading_queries.stored_plan()[0].name == "November 2017"
    assert "It is stored but is not the current plan." in str(list(get_messages(response.wsgi_request))[0])


def test_a_broken_file_is_refused_whole_naming_row_and_field(small_plan, officer, tmp_path):
    sheets = small_sheets()
    sheets["actions"][0]["lead"] = "BP/ZZ"
    sheets["actions"].append(dict(sheets["actions"][1]))  # 2.10 again, after its rows have finished
    before = loading_queries.plan_fingerprint()
    audit_before = AuditEvent.objects.count()

    response = post_import(officer, xlsx_of(sheets, tmp_path))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The plan was not imported: the file has 2 problems" in html and "Nothing was stored" in html
    assert "actions, row 2, lead: unknown lead officer &#39;ZZ&#39;" in html
    assert "actions, row 8, ref: duplicate ref 2.10" in html
    assert 'id="problems"' in html and ">lead<" in html and ">8<" in html
    assert loading_queries.plan_fingerprint() == before
    assert AuditEvent.objects.count() == audit_before


@pytest.mark.parametrize("filename, content, message", [
    ("plan.docx", b"PK\x03\x04 not really", "The file must be an .xlsx workbook or a .zip of the template&#39;s CSV files"),
    ("plan.csv", b"ref,action\n", "Upload the CSV files together as one .zip"),
    ("plan.xlsx", b"ref,action\n1.1,Agree a model\n", "The file is not a real .xlsx file"),
])
def test_a_file_of_the_wrong_type_is_refused_with_a_clear_message(small_plan, officer, filename, content, message):
    before = loading_queries.plan_fingerprint()
    html = post_import(officer, SimpleUploadedFile(filename, content)).content.decode()
    assert "There is a problem" in html and message in html and 'href="#file"' in html
    assert loading_queries.plan_fingerprint() == before


def test_a_zip_named_xlsx_is_refused_as_unreadable_by_its_own_name(small_plan, officer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")
    html = post_import(officer, SimpleUploadedFile("plan.xlsx", buffer.getvalue())).content.decode()
    assert "plan.xlsx: not a readable XLSX workbook" in html and "lineofsight-plan-" not in html


def test_a_zip_without_the_template_csvs_is_refused(small_plan, officer):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a plan")
    html = post_import(officer, SimpleUploadedFile("plan.zip", buffer.getvalue())).content.decode()
    assert "plan.zip: put one set of template CSVs in the zip" in html


def test_a_file_over_the_size_limit_is_refused(small_plan, officer, tmp_path, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    upload = SimpleUploadedFile("plan.xlsx", b"PK\x03\x04" + b"0" * (1024 * 1024))
    assert "The file must be smaller than 1 MB" in post_import(officer, upload).content.decode()


def test_a_name_already_stored_is_refused_on_the_name_field(small_plan, officer, tmp_path):
    html = post_import(officer, xlsx_of(small_sheets(), tmp_path), name="November 2017").content.decode()
    assert "A plan named &#39;November 2017&#39; is already stored: choose another name" in html and 'href="#name"' in html


@pytest.mark.parametrize("role, status", [("councillor", 403), ("lead_officer", 403), ("public", 302)])
def test_only_the_programme_office_may_import(small_plan, client_as, tmp_path, role, status):
    client = client_as(role)
    assert client.get(reverse("plan:import")).status_code == status
    before = loading_queries.plan_fingerprint()
    assert post_import(client, xlsx_of(small_sheets(), tmp_path)).status_code == status
    assert loading_queries.plan_fingerprint() == before


def test_export_without_a_current_plan_is_not_found(db, client):
    assert client.get(reverse("plan:export")).status_code == 404


def test_overview_offers_the_import_page_only_to_those_who_may_import(client_as, small_plan):
    assert "/plan/import/" in client_as("programme_officer").get("/plan/").content.decode()


def test_overview_hides_the_import_page_from_councillors(client_as, small_plan):
    assert "/plan/import/" not in client_as("councillor").get("/plan/").content.decode()
