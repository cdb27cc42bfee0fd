"""`/<lang>/unavailable/<page id>/`: "This content is only available in German"."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page


def _language_name(code):
    names = getattr(settings, "CONTENT_LANGUAGE_NAMES", {})
    return str(names.get(code) or dict(settings.LANGUAGES).get(code, code))


def translation_unavailable(request, page_id):
    """Say plainly that a page exists only in other languages, and link to those versions.

    Answers 200 (with noindex) for a live, public page of this site; redirects to the page in
    the visitor's language once that is live; 404 for pages that do not exist, are not live or
    are private, so the URL reveals nothing that the pages themselves would not.
    """
    page = Page.objects.live().public().filter(pk=page_id).only("translation_key").first()
    if page is None:
        raise Http404
    language = translation.get_language()
    versions = []
    for version in (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .order_by("locale__language_code")
    ):
        url = version.get_url(request)
        if not url:  # not reachable on this site
            continue
        code = version.locale.language_code
        if code == language:
            return redirect(url)
        versions.append(
            {"code": code, "name": _language_name(code), "title": version.title, "url": url}
        )
    if not versions:
        raise Http404
    response = TemplateResponse(
        request, "localization/translation_unavailable.html", {"languages": versions}
    )
    response["X-Robots-Tag"] = "noindex"
    return response
