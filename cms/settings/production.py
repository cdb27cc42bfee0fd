"""Production: every secret comes from the environment, and missing ones stop the start.

`make serve` runs the portal with these settings under gunicorn; README "Production" is the
run-book.
"""

from email.utils import getaddresses
from urllib.parse import unquote, urlsplit

from .base import *  # noqa: F403
from .env import ImproperlyConfiguredEnv, database, env_bool, env_list, env_str

DEBUG = False

# What production cannot guess, named all at once (with an example) when missing.
REQUIRED = {
    "SECRET_KEY": "a long random string, e.g. from python -c 'import secrets; print(secrets.token_urlsafe(50))'",
    "DATABASE_URL": "the database, e.g. postgres://ccportal:password@127.0.0.1:5432/ccportal",
    "PORTAL_BASE_URL": "where visitors reach the portal, e.g. https://www.connective-cities.net",
}
_missing = [name for name in REQUIRED if env_str(name) is None]
if _missing:
    raise ImproperlyConfiguredEnv(
        "Production settings (cms.settings.production) need these environment variables; "
        "see the README, section Production:\n"
        + "\n".join(f"  {name} must be set: {REQUIRED[name]}" for name in _missing)
    )

SECRET_KEY = env_str("SECRET_KEY")
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL")
_base = urlsplit(PORTAL_BASE_URL)
if _base.scheme not in ("http", "https") or not _base.hostname:
    raise ImproperlyConfiguredEnv(
        f"PORTAL_BASE_URL must be an http(s) address such as https://www.connective-cities.net, "
        f"not {PORTAL_BASE_URL!r}"
    )
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL)
# The portal's own host unless told otherwise.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [_base.hostname])

# SQLite (a single-machine set-up) gets the same WAL and immediate transactions as elsewhere.
DATABASES["default"] = database(  # noqa: F405
    env_str("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's preview panel frames the site inside its own admin, so framing stays same-origin.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

email_url = env_str("EMAIL_URL")
if email_url:
    parts = urlsplit(email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = parts.hostname
    EMAIL_PORT = parts.port or 587
    EMAIL_HOST_USER = unquote(parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(parts.password or "")
    EMAIL_USE_TLS = True

# Background work (search index updates, Wagtail's own tasks) waits in the database for
# `manage.py db_worker`: a publish never waits on Elasticsearch.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Error reports: every unhandled error is logged with its traceback to stderr (gunicorn's error
# log); with ADMINS (and EMAIL_URL) set, each is also mailed to them.
ADMINS = [(name or address, address) for name, address in getaddresses([env_str("ADMINS", "")])]
if env_str("ADMINS") and not all(address and "@" in address for _name, address in ADMINS):
    raise ImproperlyConfiguredEnv(
        "ADMINS must be a comma-separated list of e-mail addresses such as "
        f"'Web team <web@example.org>, ops@example.org', not {env_str('ADMINS')!r}"
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "django.security": {
            "handlers": ["console", "mail_admins"],
            "level": "ERROR",
            "propagate": False,
        },
        "pages": {"level": "INFO"},
        "search": {"level": "INFO"},
    },
}
