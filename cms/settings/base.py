"""Settings shared by every environment. Safe for production by default: no DEBUG, no secrets."""

import datetime

from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR, database, env_bool, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "pages",
    "demo",
    "footer",
    "localization",
    "search",
    "seo",
    "syndication",
    "opendata",
    "community",
    "backups",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    # Purges a published or unpublished page from a caching proxy (Varnish, a CDN) when
    # WAGTAILFRONTENDCACHE is set (below); without it, it does nothing.
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.security.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors are answered from the page cache before anything else runs.
    "pages.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PortalLocaleMiddleware",
    # The request's Wagtail Site from the content cache (pages.routing).
    "pages.routing.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.admin_fixes.AdminParameterGuard",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a locked-out login into its lockout page (django-axes wants it late).
    "axes.middleware.AxesMiddleware",
    "cms.middleware.PortalErrorPagesMiddleware",  # last: sees what views raise
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": database(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every process when REDIS_URL is set (pages, fragments and the page cache's
# generation token shared); otherwise each process keeps its own in memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ccportal",
        }
    }
else:
    # Rendered fragments (pages.content_cache) take an entry per page, language and day: room
    # for the whole site rather than Django's default of 300 entries.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# How long anonymous visitors are answered from the page cache (pages.page_cache). Any change
# to published content empties it at once in every process sharing the cache (Redis); without
# Redis, other processes' copies stay at most this long, so it is kept short there.
PAGE_CACHE_SECONDS = 600 if REDIS_URL else 60
# How long navigation, language versions, taxonomy names, footer and lineage are kept
# (pages.content_cache): emptied by the same changes; without Redis per process, so short.
CONTENT_CACHE_SECONDS = 600 if REDIS_URL else 60
# django-axes refuses locked-out logins first; demo accounts (seed_demo) are refused wherever
# DEBUG is off (cms/security.py, demo/auth.py).
AUTHENTICATION_BACKENDS = ["cms.security.PortalLoginBackend"]

# Login throttling (cms/security.py): 10 wrong passwords for one user name (or one page's
# password) from one address lock that pair out for 15 minutes, the right password included.
# Counting name and address together keeps one attacker from locking a name out for everybody.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.lockout"
# Wagtail's admin login form names its field "username".
AXES_USERNAME_FORM_FIELD = "username"

# Content-Security-Policy (django-csp 4). Scripts and styles only from the portal itself;
# embedded videos from the usual hosts; style attributes are allowed for Wagtail's responsive
# embeds. The admin adds ADMIN_CSP_UPDATE (cms/security.py).
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    # Avatars (Gravatar), embed thumbnails and image previews of uploads.
    "img-src": ["https:", "blob:"],
    # Wagtail's check for a new release.
    "connect-src": ["https://releases.wagtail.io"],
}

# A caching proxy in front of the portal that takes HTTP PURGE requests (Varnish, Fastly,
# nginx with a purge module): Wagtail purges a page's URLs when it is published or unpublished.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default; both are first-class content languages.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft, even of a live page: publishing it at once would show the
# untranslated source text. Translations go through the moderation workflow instead.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Deleting a page or snippet stops its translation records instead of deleting the translated
# segments with them: no translator's text is lost, and the memory (localization.memory) reuses it.
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Connective Cities"
# A private page's password form, in the portal's frame.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "pages/password_required.html"  # noqa: S105 (a template)
# Where visitors reach the portal ("https://www.connective-cities.net"): when set, the default
# Wagtail Site follows it after every migrate (seo.addresses), so the absolute links of the
# sitemap, feeds, hreflang/canonical links and the API's html_url answer where it is served.
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL or "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "pages.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail's own search (admin listings, choosers): the database backend, safe for any query text.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Each user's own admin language (Account > Preferences); without one, the browser's.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Avatars are uploaded or Wagtail's default picture: no e-mail hashes sent to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Rich text feature lists, defined once and reused by fields and blocks.
RICHTEXT_INLINE_FEATURES = ["bold", "italic", "link", "document-link"]
RICHTEXT_FULL_FEATURES = [
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]

# Elasticsearch switches on only when its URL is set (the search app reads it).
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Elasticsearch indices are named <prefix>-<language>[-<timestamp>]: several sites can share a server.
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "ccportal")

# Wagtail 8 runs background work (image renditions, reference index) through django-tasks, and
# so does search indexing. Here at once, after the commit; production queues it in the database
# for `manage.py db_worker` (cms/settings/production.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# The licence of the open data downloads (opendata/), named in each JSON file and Link header.
OPEN_DATA_LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "Connective Cities",
}

DEMO_PASSWORD = env_str("DEMO_PASSWORD", "connective-cities")

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@connective-cities.net")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "pages": {"level": "INFO"},
        "search": {"level": "INFO"},
    },
}

# Names shown to editors for the two content languages, in the admin's language.
CONTENT_LANGUAGE_NAMES = {"de": _("German"), "en": _("English")}
