"""wagtail-localize's submit and sync views, with the checks its own versions leave out.

wagtail-localize 1.14.5 only asks for the global `submit_translation` permission. So, without
these subclasses (mounted over the original URLs in `localization.roles.hooks`):

* a translator could create translations into any language, including the source language of
  another translator, and so add pages to a tree they may not change;
* anyone with `submit_translation` could tick "Publish immediately" on "Sync translated pages" and
  publish every translation of the object without any publish permission.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views import edit_translation as localize_edit
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    SubmitTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .editor import can_detach
from .groups import translator_languages


class LocaleLimitMixin(SubmitTranslationView):
    """Offer (and accept) only the target languages the user may translate into."""

    def get_form(self):
        form = super().get_form()
        languages = translator_languages(self.request.user)
        if languages is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=languages)
            field.error_messages["invalid_choice"] = _(
                "You may only translate into your own languages."
            )
        return form


class PortalSubmitPageTranslationView(LocaleLimitMixin, SubmitPageTranslationView):
    pass


class PortalSubmitSnippetTranslationView(LocaleLimitMixin, SubmitSnippetTranslationView):
    pass


def can_publish_target(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    return True  # snippets without drafts are live on every save


class PortalUpdateTranslationsView(UpdateTranslationsView):
    """Sync translations only into the user's languages; publish only where allowed to."""

    def form_valid(self, form):
        user = self.request.user
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        languages = translator_languages(user)
        for translation in translations:
            if languages is not None and translation.target_locale.language_code not in languages:
                raise PermissionDenied
            if form.cleaned_data.get("publish_translations"):
                target = translation.get_target_instance()
                if not can_publish_target(user, target):
                    raise PermissionDenied
        return super().form_valid(form)


def convert_to_alias(request, page_id):
    """wagtail-localize's convert-to-alias, which discards the translation: publishers only."""
    page = get_object_or_404(Page, id=page_id)
    if not can_detach(request.user, page.specific):
        raise PermissionDenied
    return localize_convert.convert_to_alias(request, page_id)


def stop_translation(request, translation_id):
    """wagtail-localize's "Stop synced translation", which detaches the translation from its
    source for good: only for those who may publish it (localization.roles.editor)."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not can_detach(request.user, instance):
        raise PermissionDenied
    return localize_edit.stop_translation(request, translation_id)
