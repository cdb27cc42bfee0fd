"""`{% footer_content as footer %}`: the footer of the request's site in the visitor's language."""

from django import template
from wagtail.models import Locale, Site

from footer.models import FooterSettings
from pages.models.lineage import one_per_item

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_content(context):
    """A dict with `legal` and `links` (live pages in the visitor's language, or the source
    where a page is not translated), `supporters` (organisations in that language, with their
    logos), `social_links`, `contact_email` and `feedback_email`. Cached on the request."""
    request = context.get("request")
    cached = getattr(request, "_portal_footer", None) if request is not None else None
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    # Not `for_site()`: that creates the row on first use, so one request would cost more
    # queries than the next. A site without footer settings has an empty footer.
    settings = (
        FooterSettings.objects.filter(site=site)
        .select_related("imprint_page", "privacy_page", "contact_page", "accessibility_page")
        .first()
    )
    if settings is None:
        content = {}
        if request is not None:
            request._portal_footer = content
        return content
    locale = Locale.get_active()
    legal = one_per_item(settings.legal_pages())
    links = one_per_item(link.page for link in settings.links.select_related("page"))
    supporters = []
    for item in settings.supporters.select_related("organisation"):
        organisation = item.organisation
        translated = organisation.get_translation_or_none(locale)
        supporters.append(translated or organisation)
    content = {
        "legal": legal,
        "links": links,
        "supporters": _with_logos(supporters),
        "social_links": list(settings.social_links.all()),
        "contact_email": settings.contact_email,
        "feedback_email": settings.accessibility_feedback_email,
    }
    if request is not None:
        request._portal_footer = content
    return content


def _with_logos(organisations):
    """The organisations with their logo images loaded in one query."""
    from pages.models import PartnerOrganisation

    by_pk = PartnerOrganisation.objects.select_related("logo").in_bulk(
        [organisation.pk for organisation in organisations]
    )
    return [by_pk[organisation.pk] for organisation in organisations if organisation.pk in by_pk]
