"""Settings for the test suite: fast hashing, in-memory cache, no external calls."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-insecure-key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests render every page afresh; tests/pages/test_page_cache.py switches the cache on.
PAGE_CACHE_SECONDS = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / "test-artifacts" / "media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests set the Site themselves (tests/seo/test_addresses.py sets this one when it needs it).
PORTAL_BASE_URL = None
# Serve static files straight from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests never write into a real server's production indices, even with ELASTICSEARCH_URL set.
SEARCH_INDEX_PREFIX = f"test-{env_str('SEARCH_INDEX_PREFIX', 'ccportal')}"
# Test clients log in without a request, which django-axes refuses; the throttling tests
# switch it on (tests/cms/test_security.py).
AXES_ENABLED = False
