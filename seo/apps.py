from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Being found and shared: the site's address, sitemap, robots.txt, canonical and hreflang
    links, Open Graph and JSON-LD."""

    name = "seo"
    verbose_name = _("Search engines and sharing")

    def ready(self):
        from seo.addresses import sync_default_site

        # Sent after every app's migrations (wagtailcore's create the default Site); once per
        # migrate, as the sender is this app.
        post_migrate.connect(sync_default_site, sender=self)
