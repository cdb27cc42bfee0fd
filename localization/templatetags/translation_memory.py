"""The translation editor's list of segments whose source changed (localization.memory)."""

from django import template

from localization.memory import open_source_changes

register = template.Library()


@register.inclusion_tag("localization/memory/_source_changes.html")
def source_changes(translation):
    return {"changes": open_source_changes(translation)}
