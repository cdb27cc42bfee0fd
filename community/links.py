"""Absolute addresses for mails, which are sent without a request (signals, commands)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Site


def base_url():
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")


def absolute_url(path):
    return base_url() + path


def absolute_reverse(name, language, args=()):
    with override(language):
        return absolute_url(reverse(name, args=args))
