"""Start-up checks of the search configuration (`manage.py check`, runserver, migrate)."""

from django.conf import settings
from django.core import checks
from elastic_transport.client_utils import url_to_node_config


def elasticsearch_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """ELASTICSEARCH_URL must be a URL the Elasticsearch client takes: scheme, host and port
    (`http://es` without a port is refused by the client). At run time a bad URL only makes
    searches fall back to the database, so this is where an operator learns of it."""
    url = getattr(settings, "ELASTICSEARCH_URL", None)
    if not url:
        return []
    try:
        node = url_to_node_config(str(url))
    except ValueError as error:
        return [
            checks.Error(
                f"ELASTICSEARCH_URL {url!r} is not usable: {error}.",
                hint="Give scheme, host and port, e.g. http://elasticsearch:9200.",
                id="portal_search.E001",
            )
        ]
    if node.scheme not in ("http", "https"):
        return [
            checks.Error(
                f"ELASTICSEARCH_URL {url!r} must start with http:// or https://.",
                hint="Give scheme, host and port, e.g. http://elasticsearch:9200.",
                id="portal_search.E001",
            )
        ]
    return []
