import pytest

from tests.system.conftest import then_no_script_errors, then_the_accessibility_baseline_is_met, then_the_stylesheet_has_loaded

pytestmark = pytest.mark.system


def test_a_member_of_the_public_reads_the_improvement_plan(page, demo_plan):
    # given the demo improvement plan
    # when a visitor who is not signed in opens the plan overview
    page.goto("/plan/")
    # then they see the plan's priorities, with no way to update it
    assert page.locator("h1").inner_text().strip()
    assert page.get_by_role("link", name="Update").count() == 0
    then_the_stylesheet_has_loaded(page)
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)


def test_a_programme_officer_opens_an_action_from_the_overview(page, demo_plan, signed_in_as):
    # given a signed-in programme officer
    signed_in_as("programme_officer")
    # when they open the plan and follow a priority, then an action
    page.goto("/plan/")
    page.locator("main a[href*='/plan/priorities/']").first.click()
    page.wait_for_url("**/plan/priorities/**")
    then_the_accessibility_baseline_is_met(page)
    page.locator("main a[href*='/plan/actions/']").first.click()
    page.wait_for_url("**/plan/actions/**")
    # then the action page meets the baseline too
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)
