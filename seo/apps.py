from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Being found and shared: the site's address, sitemap, robots.txt, canonical and hreflang
    links, Open Graph and JSON-LD."""

    name = "seo"
    verbose_name = _("Search engines and sharing")

    def ready(self):
        from django.apps import apps

        from seo.addresses import sync_default_site

        # Sent once per app with models after all migrations ran; wagtailcore's own made the
        # default Site (this app has no models, so it is never the sender).
        post_migrate.connect(sync_default_site, sender=apps.get_app_config("wagtailcore"))
