"""The guarded PO upload: wagtail-localize's `upload_pofile`, with checks and a confirmation.

`upload_pofile` answers on wagtail-localize's own URL (see `wagtail_hooks`), so the upload form
of the translation editor posts here unchanged. It refuses with a clear message, and changes
nothing, what is not a PO file of this translation; imports a file that is current, exactly as
upstream does (`Translation.import_po`); and shows a confirmation page, listing every change, for
a file that is older than the translation's current state. The confirmation carries the file
itself, signed, so nothing is stored before the translator confirms.
"""

import logging

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from .upload import (
    UploadError,
    check_entries,
    check_translation,
    parse_po,
    plan_import,
    read_upload,
)

logger = logging.getLogger(__name__)

SIGNING_SALT = "localization.po.confirm_upload"
# How long a confirmation page stays valid, in seconds.
CONFIRMATION_MAX_AGE = 2 * 60 * 60
TOOL_NAME = "PO File"


def _translation_for(request, translation_id):
    """The translation, if the user may edit its target (403 otherwise, as upstream)."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    return translation


def _next_url(request):
    # Note: the translation editor always posts a `next` URL (the editor itself).
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


def _apply(request, translation, po, plan):
    with transaction.atomic():
        warnings = translation.import_po(po, user=request.user, tool_name=TOOL_NAME)
    logger.info(
        "PO upload into translation %s by user %s: %d change(s)",
        translation.pk,
        request.user.pk,
        len(plan.changes),
    )
    if plan.changes:
        messages.success(
            request,
            ngettext(
                "Imported the PO file: %(count)s translation changed.",
                "Imported the PO file: %(count)s translations changed.",
                len(plan.changes),
            )
            % {"count": len(plan.changes)},
        )
    else:
        messages.success(request, _("Imported the PO file: it changes no translation."))
    if warnings:
        messages.warning(
            request,
            ngettext(
                "%(count)s entry of the file was ignored: it does not match this page.",
                "%(count)s entries of the file were ignored: they do not match this page.",
                len(warnings),
            )
            % {"count": len(warnings)},
        )


def _token(request, translation, text, plan):
    return signing.dumps(
        {
            "translation": translation.pk,
            "user": request.user.pk,
            "po": text,
            "plan": plan.fingerprint(),
        },
        salt=SIGNING_SALT,
        compress=True,
    )


def _confirmation(request, translation, text, plan, next_url, changed_meanwhile=False):
    return TemplateResponse(
        request,
        "localization/po/confirm_upload.html",
        {
            "translation": translation,
            "object_repr": translation.source.object_repr,
            "plan": plan,
            "token": _token(request, translation, text, plan),
            "next_url": next_url,
            "confirm_url": reverse("localization_po:confirm_upload", args=[translation.pk]),
            "changed_meanwhile": changed_meanwhile,
            "page_title": _("Confirm PO upload"),
            "page_subtitle": translation.source.object_repr,
            "header_icon": "upload",
        },
    )


@require_POST
def upload_pofile(request, translation_id):
    """Upload a PO file into a translation: checked, then imported or confirmed first."""
    translation = _translation_for(request, translation_id)
    next_url = _next_url(request)
    try:
        text = read_upload(request.FILES.get("file"))
        po = parse_po(text)
        check_translation(po, translation)
        check_entries(text)
    except UploadError as error:
        messages.error(request, str(error))
        return redirect(next_url)
    plan = plan_import(po, translation)
    if plan.needs_confirmation:
        return _confirmation(request, translation, text, plan, next_url)
    _apply(request, translation, po, plan)
    return redirect(next_url)


@require_POST
def confirm_upload(request, translation_id):
    """Apply an upload the translator confirmed, if the translation has not changed since."""
    translation = _translation_for(request, translation_id)
    next_url = _next_url(request)
    try:
        data = signing.loads(
            request.POST.get("token", ""), salt=SIGNING_SALT, max_age=CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired:
        messages.error(request, _("The confirmation has expired: please upload the file again."))
        return redirect(next_url)
    except signing.BadSignature:
        messages.error(request, _("The confirmation is not valid: please upload the file again."))
        return redirect(next_url)
    if data.get("translation") != translation.pk or data.get("user") != request.user.pk:
        messages.error(request, _("The confirmation is not valid: please upload the file again."))
        return redirect(next_url)
    text = data["po"]
    try:
        po = parse_po(text)
        check_translation(po, translation)
        check_entries(text)
    except UploadError as error:  # pragma: no cover - checked before the confirmation
        messages.error(request, str(error))
        return redirect(next_url)
    plan = plan_import(po, translation)
    if plan.fingerprint() != data.get("plan"):
        # Someone changed the translation or its source while the translator was reading.
        return _confirmation(request, translation, text, plan, next_url, changed_meanwhile=True)
    _apply(request, translation, po, plan)
    return redirect(next_url)
