"""Keep the roles complete: a new language home page gets its translators' page permissions."""

from django.db.models.signals import post_save
from wagtail.models import Page


def grant_translators_on_new_home(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        from .groups import ensure_roles

        ensure_roles()


def connect():
    # A module-level function: Django connects it once however often this runs.
    post_save.connect(grant_translators_on_new_home)
