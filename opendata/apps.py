from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """The practice, event and project database as CSV and JSON downloads."""

    name = "opendata"
    verbose_name = _("Open data")
