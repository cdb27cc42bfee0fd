"""The portal's own address: the default Wagtail Site follows `PORTAL_BASE_URL`.

Wagtail builds every absolute page URL from the Site record (`Page.get_full_url`, the API's
`html_url`, the sitemap, hreflang and canonical links). A Site left at Wagtail's initial
`localhost:80` makes all of them point where nothing answers, so the default Site is set from
the configured base URL after every `migrate` (and by `seed_demo`, which uses the development
default http://127.0.0.1:8000 of `make run`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(url: str) -> dict:
    """{"hostname", "port"} of a base URL such as "https://portal.example.org" or
    "http://127.0.0.1:8000"; anything else (a path, a query, another scheme) is refused."""
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = None
    if (
        parts is None
        or parts.scheme not in DEFAULT_PORTS
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ImproperlyConfigured(
            f"PORTAL_BASE_URL must be a scheme and a host with an optional port, such as "
            f"https://portal.example.org or http://127.0.0.1:8000, not {url!r}."
        )
    port = port or DEFAULT_PORTS[parts.scheme]
    # Wagtail's Site.root_url says https for port 443 and http for every other port.
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"PORTAL_BASE_URL: a Wagtail Site serves https on port 443 and http on any other "
            f"port; {url!r} cannot be said by a Site."
        )
    return {"hostname": parts.hostname, "port": port}


def configured_address(default: str | None = None) -> dict | None:
    """The Site's hostname and port from `PORTAL_BASE_URL` (or `default`), or None."""
    url = getattr(settings, "PORTAL_BASE_URL", None) or default
    return parse_base_url(url) if url else None


def follow_base_url(site) -> bool:
    """Give `site` the configured hostname and port; True when it changed (and was saved)."""
    address = configured_address()
    if address is None:
        return False
    if (site.hostname, site.port) == (address["hostname"], address["port"]):
        return False
    site.hostname, site.port = address["hostname"], address["port"]
    site.save(update_fields=["hostname", "port"])
    return True


def sync_default_site(**kwargs):
    """post_migrate: the default Site follows PORTAL_BASE_URL when it is set."""
    from wagtail.models import Site

    if not getattr(settings, "PORTAL_BASE_URL", None):
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        follow_base_url(site)
