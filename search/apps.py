from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        from django.core import checks

        from search import signals
        from search.checks import elasticsearch_url

        signals.connect()
        checks.register(elasticsearch_url, "search")
