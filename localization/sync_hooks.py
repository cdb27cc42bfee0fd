"""Admin hooks for `localization.sync`: the guard on restarting a stopped translation.

wagtail-localize handles "Start Synced translation" (POST field `localize-restart-translation`)
in its own before_edit_page/before_edit_snippet hooks; these run first (order=-10).

* `localize-restart-translation` when the page or snippet was edited since its sync stopped:
  refused, nothing changes, the editor says which fields would be overwritten.
* `localize-restart-keep-edits`: the edits become the translation's segments, then the sync
  restarts (refused, changing nothing, when the edits no longer fit the source's structure).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import restart_translation

from .sync import EditsDoNotFit, keep_manual_edits, restart_would_lose

RESTART = "localize-restart-translation"
KEEP_EDITS = "localize-restart-keep-edits"


def _stopped_translation(instance):
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=False,
    ).first()


def _back(request):
    return redirect(request.get_full_path())


def guard_restart(request, instance):
    if request.method != "POST" or not (RESTART in request.POST or KEEP_EDITS in request.POST):
        return None
    translation = _stopped_translation(instance)
    if translation is None:
        return None
    if KEEP_EDITS in request.POST:
        try:
            keep_manual_edits(translation, instance, user=request.user)
        except EditsDoNotFit:
            messages.error(
                request,
                _(
                    "The synchronisation was not restarted: the edited translation no longer "
                    "has the structure of its source, so its edits cannot be kept."
                ),
            )
            return _back(request)
        return restart_translation(request, translation, instance)
    lost = restart_would_lose(translation, instance)
    if lost:
        messages.warning(
            request,
            _(
                "The synchronisation was not restarted: this translation was edited after it "
                "stopped (%(fields)s), and restarting would overwrite those edits. Use "
                '"Restart synced translation, keeping my edits" to keep them.'
            )
            % {"fields": get_text_list([str(f.verbose_name) for f in lost], _("and"))},
        )
        return _back(request)
    return None


@hooks.register("before_edit_page", order=-10)
def guard_page_restart(request, page):
    return guard_restart(request, page)


@hooks.register("before_edit_snippet", order=-10)
def guard_snippet_restart(request, instance):
    if isinstance(instance, TranslatableMixin):
        return guard_restart(request, instance)
    return None


class KeepEditsMixin:
    label = gettext_lazy("Restart synced translation, keeping my edits")
    name = KEEP_EDITS
    icon_name = "rotate"
    classname = "action-secondary"


class KeepEditsPageMenuItem(KeepEditsMixin, PageActionMenuItem):
    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, Page)
            and _stopped_translation(page) is not None
        )


class KeepEditsSnippetMenuItem(KeepEditsMixin, SnippetActionMenuItem):
    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context["view"] == "edit"
            and isinstance(instance, TranslatableMixin)
            and _stopped_translation(instance) is not None
        )


@hooks.register("register_page_action_menu_item")
def register_keep_edits_page_menu_item():
    return KeepEditsPageMenuItem(order=1)


@hooks.register("register_snippet_action_menu_item")
def register_keep_edits_snippet_menu_item(model):
    return KeepEditsSnippetMenuItem(order=1)
