"""Locust's people for ``bench.present_load --client locust``: the same reading as the threaded client.

Half are councillors (signed in through the real form), half the public; each reads the dashboard or
the AMT 2 page at random, back to back, with no think time. The councillor's password comes from the
environment (``LINEOFSIGHT_BENCH_PASSWORD``), so this file needs no Django.
"""

from __future__ import annotations

import itertools
import os

from locust import HttpUser, constant, task

from bench.present_load import PAGES

_arrivals = itertools.count()


class Reader(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        if next(_arrivals) % 2:
            self._sign_in("councillor", os.environ["LINEOFSIGHT_BENCH_PASSWORD"])

    def _sign_in(self, username: str, password: str) -> None:
        self.client.get("/accounts/sign-in/", name="sign in")
        token = next((cookie.value for cookie in self.client.cookies if "csrf" in cookie.name), "")
        with self.client.post("/accounts/sign-in/", {"username": username, "password": password, "csrfmiddlewaretoken": token},
                              headers={"Referer": f"{self.host}/accounts/sign-in/"}, allow_redirects=False, name="sign in",
                              catch_response=True) as reply:
            if reply.status_code != 302:
                reply.failure(f"could not sign in as {username}: HTTP {reply.status_code}")

    @task
    def dashboard(self) -> None:
        self.client.get(PAGES["dashboard"], name="dashboard")

    @task
    def indicator(self) -> None:
        self.client.get(PAGES["indicator"], name="indicator")
