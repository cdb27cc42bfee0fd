"""Settings of the benchmark: production-like request handling on the bench's own database.

`bench/run.py` sets DATABASE_URL and MEDIA_ROOT before Django starts, so `base` reads them.
Differences from production, all outside the request path being measured: a fixed secret key,
plain static files storage (no collectstatic manifest needed) and a fast password hasher.
"""

from pathlib import Path

from cms.settings.base import *  # noqa: F403
from cms.settings.env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "bench-only-insecure-key")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages are rendered on every request unless `run.py --page-cache` measures the page cache.
PAGE_CACHE_SECONDS = 600 if env_str("BENCH_PAGE_CACHE") else 0
# BENCH_CONTENT_CACHE=0 renders navigation, footer, lineage … from the database every time,
# as before pages.content_cache (bench/pagetypes.py --no-content-cache).
CONTENT_CACHE_SECONDS = 0 if env_str("BENCH_CONTENT_CACHE") == "0" else 600
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Static files come from the finders, scanned once at start-up (no per-request autorefresh).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# An existing (empty) STATIC_ROOT keeps WhiteNoise quiet; files come from the finders.
STATIC_ROOT = str(BASE_DIR / "bench" / "results" / "static")  # noqa: F405
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Request warnings (404s) stay out of the output; errors are still logged.
LOGGING["loggers"]["django.request"] = {"level": "ERROR"}  # noqa: F405
