"""Every environment variable the portal reads, declared once with its type and default.

The README's configuration table lists the same names; `tests/cms/test_settings.py` keeps them in step.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


class ImproperlyConfiguredEnv(RuntimeError):
    """A required environment variable is missing or malformed."""


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfiguredEnv(f"{name} must be a boolean (true/false), not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name: str) -> str:
    value = env_str(name)
    if value is None:
        raise ImproperlyConfiguredEnv(f"The environment variable {name} must be set in production.")
    return value


# SQLite serves several editors at once only with these: write-ahead logging (readers never wait
# for a writer, nor a writer for readers), transactions that take the write lock when they start
# (a deferred one that later needs it fails at once with "database is locked" instead of
# waiting), and a busy timeout (seconds) so a writer waits its turn instead of failing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database(url: str, **kwargs) -> dict:
    """Django's DATABASES entry for `url` (dj-database-url), with SQLITE_OPTIONS on SQLite."""
    import dj_database_url

    config = dict(dj_database_url.parse(url, **kwargs))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


# name -> (default shown in the README, what it does)
VARIABLES = {
    "DJANGO_SETTINGS_MODULE": ("cms.settings.dev", "Settings module: dev, test or production."),
    "SECRET_KEY": ("(dev: a fixed insecure key; production: required)", "Django's secret key."),
    "DEBUG": ("false (dev: true)", "Django debug mode; demo users are only created with it on."),
    "DATABASE_URL": (
        f"sqlite:///{BASE_DIR / 'db.sqlite3'} (production: required)",
        "Database, as a URL.",
    ),
    "ELASTICSEARCH_URL": ("(unset: database search)", "Elasticsearch 9 server for search."),
    "SEARCH_INDEX_PREFIX": ("ccportal", "Prefix of the Elasticsearch index and alias names."),
    "ALLOWED_HOSTS": (
        "localhost,127.0.0.1,[::1] (production: the host of PORTAL_BASE_URL)",
        "Comma-separated host names served.",
    ),
    "CSRF_TRUSTED_ORIGINS": ("(empty)", "Comma-separated origins trusted for POSTs."),
    "PORTAL_BASE_URL": (
        "(unset; dev: http://127.0.0.1:8000; production: required)",
        "Where visitors reach the portal (scheme, host, port); the Wagtail Site follows it.",
    ),
    "WAGTAILADMIN_BASE_URL": (
        "`PORTAL_BASE_URL`, else http://127.0.0.1:8000",
        "Base URL used in admin links and emails.",
    ),
    "REDIS_URL": (
        "(unset: a cache per process)",
        "Redis for the cache shared by every process (pages, fragments), e.g. redis://redis:6379/0.",
    ),
    "FRONTEND_CACHE_URL": (
        "(unset: no proxy to purge)",
        "A caching proxy taking HTTP PURGE (Varnish, a CDN); published pages are purged there.",
    ),
    "MEDIA_ROOT": (str(BASE_DIR / "media"), "Where uploaded images and documents are stored."),
    "STATIC_ROOT": (str(BASE_DIR / "static_collected"), "Where collectstatic puts files."),
    "DEMO_PASSWORD": ("connective-cities", "Password of the demo users made by seed_demo."),
    "SECURE_SSL_REDIRECT": ("true (production only)", "Redirect plain HTTP to HTTPS."),
    "EMAIL_URL": ("(unset: console backend)", "SMTP server as smtp://user:pass@host:port."),
    "DEFAULT_FROM_EMAIL": ("portal@connective-cities.net", "Sender of outgoing mail."),
    "ADMINS": (
        "(empty)",
        "Who gets a mail for each server error (production, with EMAIL_URL).",
    ),
}
