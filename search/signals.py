"""What queues index updates: every change that can alter what a search may show.

Handlers only queue (see search.indexing); the work happens after the transaction commits.
Other apps queue their own dependants (pages queues the pages using an edited taxonomy term).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import indexing


def page_changed(sender, instance, **kwargs):
    # Publishing or unpublishing a translation changes which document stands in for the item
    # in the other language: the whole item is rebuilt.
    indexing.schedule([instance.translation_key])


def page_deleted(sender, instance, **kwargs):
    indexing.schedule([instance.translation_key])


def page_moved(sender, instance, **kwargs):
    # URLs change below the page, and it may now sit under a private parent.
    indexing.schedule_subtree(instance)


def slug_changed(sender, instance, **kwargs):
    # Wagtail sends this after a live page's slug changed: every URL below it changed too.
    indexing.schedule_subtree(instance)


def restriction_changed(sender, instance, **kwargs):
    indexing.schedule_subtree(instance.page)


def connect():
    # Module-level functions: Django keeps one connection per receiver and sender, so a second
    # call (AppConfig.ready run again) adds nothing and no dispatch_uid is needed.
    page_published.connect(page_changed)
    page_unpublished.connect(page_changed)
    # Per page model: a receiver for every model would stop Django's fast bulk deletes.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(page_deleted, sender=model)
    post_page_move.connect(page_moved)
    page_slug_changed.connect(slug_changed)
    post_save.connect(restriction_changed, sender=PageViewRestriction)
    post_delete.connect(restriction_changed, sender=PageViewRestriction)
