"""Template tags of the community's channels (the home page's newsletter box)."""

from django import template
from django.utils.translation import get_language

from community.newsletter.views import past_issues

register = template.Library()


@register.simple_tag
def latest_newsletter_issue():
    return past_issues(get_language(), limit=1).first()
