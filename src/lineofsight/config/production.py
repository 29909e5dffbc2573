"""Production settings: everything from the environment, and no start with an insecure secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from lineofsight.config.settings import *  # noqa: F403
from lineofsight.config.settings import INSECURE_DEV_SECRET_KEY

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == INSECURE_DEV_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of 50 characters or more.")
if "DATABASE_URL" not in os.environ:
    raise ImproperlyConfigured("Set DATABASE_URL, e.g. postgres://user:password@host:5432/lineofsight")

DEBUG = False
SESSION_COOKIE_SECURE = os.environ.get("LINEOFSIGHT_INSECURE_COOKIES") != "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = 8 * 60 * 60
WHITENOISE_USE_FINDERS = False
