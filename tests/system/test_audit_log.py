import pytest

from tests.system.conftest import then_no_script_errors, then_the_accessibility_baseline_is_met

pytestmark = pytest.mark.system


def test_an_administrator_filters_the_audit_log(page, signed_in_as):
    # given an administrator and a recorded change
    from lineofsight.accounts.audit import record_change

    admin = signed_in_as("administrator")
    record_change(admin, admin, before={"email": ""}, after={"email": "admin@example.org"}, summary="email added")
    # when they open the audit log and filter by their own name
    page.goto("/accounts/audit/")
    page.get_by_label("User").fill(admin.username)
    page.get_by_role("button", name="Filter the audit log").click()
    # then the change shows with its before and after, and the page meets the baseline
    page.get_by_text("admin@example.org").wait_for()
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)
