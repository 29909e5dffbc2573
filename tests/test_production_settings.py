"""Production settings refuse to start unsafely; each case imports them in a fresh interpreter."""

import json
import os
import subprocess
import sys

import pytest

GOOD_KEY = "k3Y-" + "x9Qz7Lw2Rt5Vb8Nm4Pd6Hs1Jf0Gc3Ya" * 2
GOOD = {
    "DJANGO_SECRET_KEY": GOOD_KEY,
    "DATABASE_URL": "postgres://los:secret@127.0.0.1:5432/lineofsight",
    "DJANGO_ALLOWED_HOSTS": "los.example.gov.uk",
}
PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({k: getattr(s, k) for k in [
    "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_HTTPONLY",
    "SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_NAME", "ALLOWED_HOSTS", "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF", "AUTHENTICATION_BACKENDS", "WHITENOISE_USE_FINDERS"]}))
"""


def start(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in GOOD and not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "lineofsight.config.production", **GOOD}
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)


def test_production_settings_start_hardened_with_a_real_key_and_database():
    result = start()
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["DEBUG"] is False
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert s["SECURE_HSTS_SECONDS"] >= 31536000 and s["SECURE_SSL_REDIRECT"]
    assert s["ALLOWED_HOSTS"] == ["los.example.gov.uk"]
    assert s["X_FRAME_OPTIONS"] == "DENY" and s["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert s["AUTHENTICATION_BACKENDS"] == ["lineofsight.accounts.backends.LockoutModelBackend"]
    assert s["WHITENOISE_USE_FINDERS"] is False


@pytest.mark.parametrize(
    "overrides, complaint",
    [
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "dev-only-insecure-key-change-me-for-production"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short-but-random-9f8e7d"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "a" * 64}, "DJANGO_SECRET_KEY"),
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:////tmp/los.sqlite3"}, "PostgreSQL"),
        ({"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS"),
    ],
    ids=["no-key", "dev-key", "short-key", "one-letter-key", "no-database", "sqlite", "no-hosts"],
)
def test_production_settings_refuse_to_start(overrides, complaint):
    result = start(**overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and complaint in result.stderr


def test_production_settings_pass_djangos_deploy_checks():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "lineofsight.config.production", **GOOD}
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_shows_no_debug_page_for_a_missing_url():
    probe = """
import django
django.setup()
from django.test import Client
response = Client().get("/no-such-page/", secure=True, HTTP_HOST="los.example.gov.uk")
print(response.status_code)
print(response.content.decode()[:2000])
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "lineofsight.config.production", **GOOD}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    status, _, body = result.stdout.partition("\n")
    assert status == "404"
    assert "URLconf" not in body and "Traceback" not in body and "DEBUG = True" not in body
