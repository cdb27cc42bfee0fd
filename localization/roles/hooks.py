"""Admin hooks enforcing the roles (see localization.roles.groups for who may do what)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import TranslatableMixin, WorkflowState
from wagtail_localize.models import Translation

from . import editor, views
from .groups import translator_languages
from .panels import TranslationsAwaitingReviewPanel


@hooks.register("register_admin_urls", order=-10)
def register_checked_localize_views():
    """wagtail-localize's submit and sync views, with the missing permission checks.

    Same paths as wagtail-localize's (which come later in the URL list), so that every link and
    `reverse("wagtail_localize:...")` reaches these.
    """
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.PortalSubmitPageTranslationView.as_view(),
            name="localization_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.PortalSubmitSnippetTranslationView.as_view(),
            name="localization_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.PortalUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias,
            name="localization_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            views.stop_translation,
            name="localization_stop_translation",
        ),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_those_who_may_not_publish(menu_items, request, context):
    """Converting a translation back to an alias discards it, so it needs publish rights."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("before_edit_snippet", order=-20)
def translators_edit_snippets_in_their_languages(request, instance):
    """Snippet permissions are per model, not per language: keep translators to their own."""
    if not isinstance(instance, TranslatableMixin):
        return None
    languages = translator_languages(request.user)
    if languages is not None and instance.locale.language_code not in languages:
        raise PermissionDenied
    return None


@hooks.register("before_edit_page", order=-20)
def submit_translation_for_moderation(request, page):
    """ "Submit for moderation" (POST `action-submit`) on a synced translation.

    wagtail-localize's translation editor replaces the page editor and can only publish. This
    saves the translated segments as a new draft revision of the translation and starts (or
    resumes) the page's workflow, so that moderators approve and publish it. While string
    segments are still untranslated it only asks (a page that says how many); the form there
    posts again with `confirm-incomplete`.
    """
    if request.method != "POST" or not request.POST.get("action-submit"):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    page = page.specific
    if page.locked and not page.permissions_for_user(request.user).can_unlock():
        raise PermissionDenied
    workflow = page.get_workflow()
    state = page.current_workflow_state
    needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    if workflow is None or (state is not None and not needs_changes):
        messages.error(
            request,
            _("This translation cannot be submitted for moderation now.")
            if workflow is None
            else _("This translation is already in moderation."),
        )
        return redirect("wagtailadmin_pages:edit", page.id)
    left = editor.progress(translation)
    if left["missing"] and not request.POST.get("confirm-incomplete"):
        return TemplateResponse(
            request,
            "localization/editor/confirm_submit.html",
            {
                "page": page,
                "translation": translation,
                "progress": left,
                "page_title": _("Submit an incomplete translation?"),
                "header_title": _("Submit an incomplete translation?"),
                "header_icon": "warning",
            },
        )
    translation.save_target(user=request.user, publish=False)
    page = type(page).objects.get(pk=page.pk)
    if needs_changes:
        state.resume(request.user)
    else:
        workflow.start(page, request.user)
    messages.success(
        request,
        _("The translation '%(title)s' has been submitted for moderation.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.id)


@hooks.register("construct_homepage_panels")
def show_untranslated_segments_to_moderators(request, panels):
    panels.append(TranslationsAwaitingReviewPanel())
