from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """Content that travels by subscription: RSS/Atom feeds and iCalendar files."""

    name = "syndication"
    verbose_name = _("Feeds and calendars")
