"""Production: every secret comes from the environment, and a missing one stops the start."""

from .base import *  # noqa: F403
from .env import database, env_bool, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    from .env import ImproperlyConfiguredEnv

    raise ImproperlyConfiguredEnv(
        "The environment variable ALLOWED_HOSTS must be set in production."
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
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = parts.hostname
    EMAIL_PORT = parts.port or 587
    EMAIL_HOST_USER = unquote(parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(parts.password or "")
    EMAIL_USE_TLS = True

DATABASES["default"] = database(  # noqa: F405
    env_required("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
)

# Background work (search index updates, Wagtail's own tasks) waits in the database for
# `manage.py db_worker`: a publish never waits on Elasticsearch.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
