"""Reading the dashboard as a test sees it."""

from bs4 import BeautifulSoup

LATEST, TARGET = 0, 1  # the cells after the ref, in the dashboard's indicator tables


def dashboard_cell(html: str, ref: str, column: int = LATEST) -> str:
    """The text of one cell in ``ref``'s row of the dashboard's indicator tables."""
    soup = BeautifulSoup(html, "html5lib")
    for row in soup.select("table.los-indicator-table tbody tr"):
        if row.th.a.get_text(strip=True) == ref:
            return row.find_all("td")[column].get_text(" ", strip=True)
    raise AssertionError(f"{ref} not on the page")
