"""A small HTTP client for the reliability tests and load bench: cookies, CSRF, no redirects followed.

Standard library only, so the load bench runs wherever the app does.
"""

from __future__ import annotations

import http.cookiejar
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Reply:
    status: int
    body: str
    location: str
    seconds: float


class Visitor:
    """One person's browser: their own cookies, signing in through the real form."""

    def __init__(self, base_url: str, timeout: float = 30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def _send(self, request) -> Reply:
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                body, status, headers = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, headers = error.read(), error.code, error.headers
        return Reply(status, body.decode("utf-8", "replace"), headers.get("Location", ""), time.perf_counter() - started)

    def get(self, path: str) -> Reply:
        return self._send(urllib.request.Request(self.base_url + path))

    def csrf_token(self) -> str:
        for cookie in self.cookies:
            if "csrf" in cookie.name:
                return cookie.value
        return ""

    def post(self, path: str, data: dict) -> Reply:
        token = self.csrf_token()
        if not token:
            self.get(path)  # a page with a form sets the CSRF cookie
            token = self.csrf_token()
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base_url + path, data=body, method="POST",
                                         headers={"Referer": self.base_url + path, "X-CSRFToken": token})
        return self._send(request)

    def sign_in(self, username: str, password: str) -> None:
        self.get("/accounts/sign-in/")
        reply = self.post("/accounts/sign-in/", {"username": username, "password": password})
        if reply.status != 302:
            raise RuntimeError(f"could not sign in as {username}: HTTP {reply.status}")
