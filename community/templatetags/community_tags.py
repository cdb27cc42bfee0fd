"""Template tags of the community's channels (the newsletter box, the experts of a page)."""

from django import template
from django.utils.translation import get_language

from community.newsletter.views import past_issues

register = template.Library()


@register.simple_tag
def latest_newsletter_issue():
    issues = past_issues(get_language(), limit=1)
    return issues[0] if issues else None


@register.simple_tag
def experts_of(page):
    """`{% experts_of page as experts %}`: the public experts who took part in an event or a
    practice (any language's version of it), one per expert, in the page's language where
    translated."""
    from community.models import public_experts
    from pages.models.lineage import one_per_item

    field = {"event": "related_events", "practice": "related_practices"}.get(page.type_key)
    if field is None:
        return []
    experts = public_experts().filter(**{f"{field}__translation_key": page.translation_key})
    return [
        expert
        for expert in one_per_item(experts.order_by("title"), page.locale_id)
        if expert.may_be_public()
    ]
