"""Django settings. Development defaults here; `production` hardens them from the environment."""

import os

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from lineofsight.config.paths import PACKAGE_DIR, case_store_path, data_dir

DATA_DIR = data_dir()
CASE_STORE_PATH = case_store_path()

# Development only: production.py refuses to start with this key.
INSECURE_DEV_SECRET_KEY = "dev-only-insecure-key-change-me-for-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", INSECURE_DEV_SECRET_KEY)
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]").split(",")

# The demo borough is synthetic; pages say so while this is on.
SHOW_SYNTHETIC_BANNER = os.environ.get("LINEOFSIGHT_SYNTHETIC", "1") == "1"
COUNCIL_NAME = os.environ.get("LINEOFSIGHT_COUNCIL", "Demo Borough Council")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Listed so the API docs use ninja's packaged Swagger files, never a CDN.
    "ninja",
    "lineofsight.core",
    "lineofsight.accounts",
    "lineofsight.plan",
    "lineofsight.performance",
    "lineofsight.scrutiny",
    "lineofsight.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lineofsight.accounts.middleware.RefuseNulCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "lineofsight.accounts.middleware.PermissionRuleMiddleware",
]

ROOT_URLCONF = "lineofsight.config.urls"
WSGI_APPLICATION = "lineofsight.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "lineofsight.core.jinja2_env.environment",
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.messages.context_processors.messages",
                "lineofsight.core.context.site",
            ],
        },
    },
    {
        # Django templates stay for the admin only.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'lineofsight.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers (web, CLI loads) share the embedded database; wait rather than fail.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "fragments" keeps built page parts (core.fragments) in each worker's memory, bounded; their keys
# carry what they were built from, so a worker never serves a part older than the database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments", "TIMEOUT": 3600,
                  "OPTIONS": {"MAX_ENTRIES": 400}},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Every sign-in, the admin's included, counts failures and locks after repeated ones (ADR-006).
AUTHENTICATION_BACKENDS = ["lineofsight.accounts.backends.LockoutModelBackend"]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = []
WHITENOISE_USE_FINDERS = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Case-data uploads may be large; the upload view checks this limit itself.
CASE_UPLOAD_MAX_BYTES = int(os.environ.get("LINEOFSIGHT_UPLOAD_MAX_BYTES", str(200 * 1024 * 1024)))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Strict CSP: no inline script; the GOV.UK template's one inline line carries a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LINEOFSIGHT_LOG_LEVEL", "WARNING")},
}

PACKAGE_DIR = PACKAGE_DIR
