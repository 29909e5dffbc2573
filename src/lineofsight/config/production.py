"""Production settings: everything from the environment, and no start without a real secret key and database.

docs/operations.md lists the variables. Refusing to start is deliberate: a council's deployment
that silently fell back to the development key or the embedded SQLite file would be worse than one
that does not come up.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from lineofsight.config.settings import *  # noqa: F403
from lineofsight.config.settings import INSECURE_DEV_SECRET_KEY


def _required(name: str, why: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {name}: {why}")
    return value


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == INSECURE_DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of 50 characters or more.")
_required("DATABASE_URL", "e.g. postgres://user:password@host:5432/lineofsight")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # settings.py read DATABASE_URL already; sqlite is for a laptop, not for a council's case data.
    if os.environ.get("LINEOFSIGHT_ALLOW_SQLITE") != "1":
        raise ImproperlyConfigured("DATABASE_URL points at SQLite: use PostgreSQL in production (LINEOFSIGHT_ALLOW_SQLITE=1 to override).")
ALLOWED_HOSTS = [h.strip() for h in _required("DJANGO_ALLOWED_HOSTS", "the host names the service answers to, comma-separated").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

DEBUG = False
# No debug pages: errors go to the log, the visitor gets the plain 500 page.
DEBUG_PROPAGATE_EXCEPTIONS = False

# TLS ends at the proxy, which must set X-Forwarded-Proto; LINEOFSIGHT_INSECURE_COOKIES=1 only for a plain-HTTP trial.
_INSECURE = os.environ.get("LINEOFSIGHT_INSECURE_COOKIES") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not _INSECURE and os.environ.get("DJANGO_SSL_REDIRECT", "1") == "1"
SESSION_COOKIE_SECURE = not _INSECURE
CSRF_COOKIE_SECURE = not _INSECURE
CSRF_COOKIE_HTTPONLY = True
if not _INSECURE:
    # __Host- cookies are refused by browsers unless Secure, host-only and Path=/: no subdomain can plant one.
    SESSION_COOKIE_NAME = "__Host-lineofsight-session"
    CSRF_COOKIE_NAME = "__Host-lineofsight-csrf"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("DJANGO_HSTS_SUBDOMAINS", "0") == "1"
SECURE_HSTS_PRELOAD = False
# A council's domain has other services' subdomains, and preload lists are hard to leave: both are the
# council's choice (DJANGO_HSTS_SUBDOMAINS=1), not ours, so `check --deploy` is told we meant it.
SILENCED_SYSTEM_CHECKS = ["security.W021"] + ([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"])
# A working day; closing the browser ends it too.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Static files are collected at deploy (`lineofsight serve --production` runs collectstatic).
WHITENOISE_USE_FINDERS = False

# Refuse a locked username wherever a password is checked, the admin's sign-in included.
AUTHENTICATION_BACKENDS = ["lineofsight.accounts.backends.LockoutModelBackend"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LINEOFSIGHT_LOG_LEVEL", "INFO")},
    "loggers": {"django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
