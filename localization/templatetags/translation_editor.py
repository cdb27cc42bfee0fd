"""The portal's part of wagtail-localize's translation editor (localization.roles.editor)."""

from django import template

from localization.roles import editor

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_props(context):
    """wagtail-localize's props without the links the user may not follow."""
    return editor.props_for(context["request"].user, context["instance"], context["props"])


@register.inclusion_tag("localization/editor/_footer.html", takes_context=True)
def translation_footer(context):
    request = context["request"]
    actions = editor.footer_actions(
        request, context["translation"], context["instance"], context.get("page_perms")
    )
    return {"actions": actions, "request": request, "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def may_detach(context):
    """May the user stop the synced translation or convert it to an alias?"""
    return editor.can_detach(context["request"].user, context["instance"])
