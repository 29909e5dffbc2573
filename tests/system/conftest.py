"""Browser journeys: Playwright drives Debian's chromium against pytest-django's live server.

Never a downloaded browser: ``executable_path`` is the system chromium, and Playwright's own
browser download is never triggered (``PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD``).
"""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TEST_PASSWORD = "a-long-test-password"


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: `make browser` (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    problems = []
    # A failed load shows as a console error without its URL; the response hook names it instead.
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: problems.append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.console_problems = problems
    yield page
    context.close()


@pytest.fixture
def signed_in_as(page, live_server, user_with_role, settings):
    """Sign a new user of ``role`` into the browser by its session cookie (the sign-in form has its own journey)."""
    from django.test import Client

    def sign_in(role: str):
        user = user_with_role(role)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
        return user

    return sign_in


@pytest.fixture
def demo_plan(transactional_db):
    demo = pytest.importorskip("lineofsight.plan.demo")
    from rich.console import Console

    demo.load(Console(quiet=True))


@pytest.fixture
def demo_values(transactional_db):
    """One organisation with a published month and a draft one of every indicator at service level."""
    catalogue = pytest.importorskip("lineofsight.performance.pages.catalogue")
    from datetime import date

    from lineofsight.performance.models import IndicatorValue, Organisation, PublishedMonth

    org = Organisation.objects.create(code="DEMO", name="Demo Borough", is_synthetic=True)
    months = [date(2026, m, 1) for m in (7, 8, 9)]
    rows = []
    for i, definition in enumerate(catalogue.load().values()):
        for j, month in enumerate(months):
            numerator, denominator = 10 + (i + j) % 7, 20
            rows.append(IndicatorValue(organisation=org, indicator_ref=definition.ref, month=month, numerator=numerator,
                                       denominator=denominator, value=100 * numerator / denominator))
    IndicatorValue.objects.bulk_create(rows)
    for month in months:
        PublishedMonth.objects.create(organisation=org, month=month, version=1)
    return org


def then_the_accessibility_baseline_is_met(page):
    """Zero axe violations for WCAG 2.2 AA, and no two links with the same text going to different places."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    assert not violations, results.generate_report()
    links = page.eval_on_selector_all(
        "a[href]", "els => els.filter(e => e.offsetParent !== null).map(e => [e.innerText.trim().replace(/\\s+/g, ' '), e.getAttribute('href')])")
    seen = {}
    for text, href in links:
        if text:
            seen.setdefault(text, set()).add(href)
    duplicates = {text: hrefs for text, hrefs in seen.items() if len(hrefs) > 1}
    assert not duplicates, f"links with the same text go to different places: {duplicates}"


def then_the_stylesheet_has_loaded(page):
    # GOV.UK classes set the font (Arial, as we are not on service.gov.uk); unstyled, the browser's Times shows.
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "arial" in font.lower(), f"the stylesheet did not load (<h1> font {font!r})"


def then_no_script_errors(page):
    assert not page.console_problems, f"console errors (a CSP refusal shows here too): {page.console_problems}"
