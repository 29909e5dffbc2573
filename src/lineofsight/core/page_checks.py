"""Checks every HTML page must pass; the test client runs them on each response."""

from bs4 import BeautifulSoup


class PageProblem(AssertionError):
    pass


def check_page(html: str) -> None:
    soup = BeautifulSoup(html, "html5lib")
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        raise PageProblem(f"use exactly one <h1>, found {len(h1s)}")
    heading = " ".join(h1s[0].get_text(" ", strip=True).split())
    title = " ".join((soup.title.get_text() if soup.title else "").split())
    if not title.startswith(heading):
        raise PageProblem(f"start <title> with the <h1>: title {title!r}, h1 {heading!r}")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PageProblem(f"make every id unique: {duplicates}")
    for script in soup.find_all("script"):
        if not script.get("src") and not script.get("nonce"):
            raise PageProblem("no inline script without a nonce: the Content-Security-Policy forbids it")
