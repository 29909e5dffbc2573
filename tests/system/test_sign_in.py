from urllib.parse import urlparse

import pytest

from tests.system.conftest import (
    TEST_PASSWORD,
    then_no_script_errors,
    then_the_accessibility_baseline_is_met,
    then_the_stylesheet_has_loaded,
)

pytestmark = pytest.mark.system


@pytest.fixture
def analyst(user_with_role):
    return user_with_role("performance_analyst", username="analyst")


def test_sign_in_with_a_mouse(page, analyst):
    # given a performance analyst with an account
    # when they open the sign-in page and sign in
    page.goto("/accounts/sign-in/")
    then_the_stylesheet_has_loaded(page)
    then_the_accessibility_baseline_is_met(page)
    page.get_by_label("Username").fill("analyst")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # then they are signed in, and can sign out
    page.wait_for_url(lambda url: urlparse(url).path == "/")
    assert page.get_by_role("link", name="Sign out").is_visible()
    then_no_script_errors(page)


def test_a_wrong_password_is_explained_accessibly(page, analyst):
    # given the sign-in page
    page.goto("/accounts/sign-in/")
    # when a wrong password is given
    page.get_by_label("Username").fill("analyst")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    # then an error summary says so, takes focus, and the page still meets the baseline
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "There is a problem" in summary.inner_text()
    then_the_accessibility_baseline_is_met(page)


def test_sign_in_with_the_keyboard_only(page, analyst):
    # given the sign-in page, and only a keyboard
    page.goto("/accounts/sign-in/")
    # when Tab is pressed from the top of the page
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
        if reached[-1] == "id_username":
            break
    # then the skip link comes first, and the username field is reachable
    assert "govuk-skip-link" in reached[0], f"first Tab stop should be the skip link, got {reached[0]!r}"
    assert reached[-1] == "id_username", f"never reached the username field; Tab stops: {reached}"
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).boxShadow")
    assert focus_ring.strip() not in {"none none", "none"}, "the focused field shows no focus indicator"
    # when they type, Tab to the password, type, and press Enter
    page.keyboard.type("analyst")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    # then they are signed in
    page.wait_for_url(lambda url: urlparse(url).path == "/")
    assert page.get_by_role("link", name="Sign out").is_visible()
