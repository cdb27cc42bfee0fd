from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """The translators' side: roles, translation status, safe PO round trips."""

    name = "localization"
    verbose_name = _("Translation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from localization import memory, sync
        from localization.roles import signals

        sync.install()
        memory.install()
        signals.connect()
