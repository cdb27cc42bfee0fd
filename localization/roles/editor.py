"""What wagtail-localize's translation editor offers each user (wagtail-localize 1.14.5).

The editor is a React app that takes its actions from the `props` JSON the view renders. Its
footer always offers "Stop synced translation", offers "Convert to alias page" whenever the
page has a source page, and makes the last action of its list the main button: for a user who
may not publish that is "Convert to alias page" (or "Stop synced translation"), the two actions
that detach the translation from its source.

Both need publish rights here (`can_detach`: pages: publish permission; snippets: delete
permission, which only moderators have), and the views refuse them otherwise
(`localization.roles.views`). For the others the template override
(templates/wagtail_localize/admin/edit_translation.html) drops their links from the props,
hides the React footer, and renders `footer_actions`, a footer with only the actions they may
take: "Submit for moderation" as the main button (pages), or "Publish in <language>" (snippets
without drafts, which are live on every save), then Preview and Delete (pages) where allowed.

Upgrading wagtail-localize: tests/localization/test_translation_editor.py checks the props keys
this relies on (links.convertToAliasUrl, links.stopTranslationUrl, perms) and the footer.
"""

import json

from django.urls import reverse
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import StringSegment, Translation

from localization.memory import open_source_changes

DETACH_LINKS = ("convertToAliasUrl", "stopTranslationUrl")


def can_detach(user, instance):
    """May `user` stop the synced translation `instance` or convert it back to an alias?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("delete", type(instance)))


def props_for(user, instance, props):
    """wagtail-localize's editor props (JSON text), without the links `user` may not follow."""
    if can_detach(user, instance):
        return props
    data = json.loads(props)
    for name in DETACH_LINKS:
        data["links"][name] = None
    return json.dumps(data)


def progress(translation):
    """What is left to translate: a dict with total, missing (string segments without an
    error-free translation, wagtail-localize's own count) and to_check (of those, the ones the
    translation memory pre-filled because their source changed)."""
    total, done = translation.get_progress()
    return {
        "total": total,
        "missing": total - done,
        "to_check": len(open_source_changes(translation)),
    }


def footer_actions(request, translation, instance, page_perms):
    """The actions of the portal's footer (`_footer.html`) for users who may not detach the
    translation, or None for the others: for a page, submit or preview and delete where
    allowed; for a snippet, publish in the translation's language."""
    user = request.user
    if can_detach(user, instance):
        return None
    if isinstance(instance, Page):
        actions = {
            "is_page": True,
            "can_submit": page_perms.can_submit_for_moderation(),
            "in_moderation": instance.workflow_in_progress,
            "submit_url": reverse("wagtailadmin_pages:edit", args=[instance.pk]),
            "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        }
        if page_perms.can_delete():
            actions["delete_url"] = reverse("wagtailadmin_pages:delete", args=[instance.pk])
        return actions
    # A snippet: who may delete it may detach it, so there is no Delete here.
    return {
        "is_page": False,
        "publish_locale": translation.target_locale.get_display_name(),
        # wagtail-localize's rule: snippets without drafts are live on every save.
        "can_publish": not isinstance(instance, DraftStateMixin)
        or user.has_perm(get_permission_name("publish", type(instance))),
    }


def translations_in_progress(pages):
    """`{page_id: progress dict}` for those of `pages` that are synced translations."""
    result = {}
    for page in pages:
        translation = (
            Translation.objects.filter(
                source__object_id=page.translation_key,
                target_locale_id=page.locale_id,
                enabled=True,
            )
            .select_related("source")
            .first()
        )
        if (
            translation is not None
            and StringSegment.objects.filter(source_id=translation.source_id).exists()
        ):
            result[page.pk] = progress(translation)
    return result
