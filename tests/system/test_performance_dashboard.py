import pytest

from tests.system.conftest import then_no_script_errors, then_the_accessibility_baseline_is_met, then_the_stylesheet_has_loaded

pytestmark = pytest.mark.system


def test_a_councillor_reads_the_performance_dashboard(page, demo_values, signed_in_as):
    # given published indicator values and a signed-in councillor
    signed_in_as("councillor")
    # when they open the performance dashboard
    page.goto("/performance/")
    # then they see the indicators, styled, with no script errors, meeting the baseline
    assert page.locator("main table, main .govuk-summary-card, main .govuk-table").count() > 0
    then_the_stylesheet_has_loaded(page)
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)


def test_an_analyst_opens_an_indicator_page_from_the_dashboard(page, demo_values, signed_in_as):
    # given published values and a signed-in performance analyst
    signed_in_as("performance_analyst")
    # when they follow the first indicator on the dashboard
    page.goto("/performance/")
    page.locator("main a[href*='/performance/indicators/']").first.click()
    page.wait_for_url("**/performance/indicators/**")
    # then the indicator page, chart included, meets the baseline
    assert page.locator("h1").inner_text().strip()
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)


def test_the_public_see_an_indicator_page(page, demo_values):
    # given published values and a visitor who is not signed in
    # when they open an indicator's page
    page.goto("/performance/indicators/amt-2/?org=DEMO")
    # then it shows, and meets the baseline
    assert page.locator("h1").inner_text().strip()
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)


def test_a_service_manager_reads_the_workforce_dashboard(page, demo_values, signed_in_as):
    # given published values and a signed-in service manager
    signed_in_as("service_manager")
    # when they open the workforce dashboard
    page.goto("/performance/workforce/")
    # then it shows, and meets the baseline
    assert page.locator("h1").inner_text().strip()
    then_the_stylesheet_has_loaded(page)
    then_the_accessibility_baseline_is_met(page)
    then_no_script_errors(page)
