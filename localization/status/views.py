"""The translation status overview, its CSV export, and the bulk "Submit for translation"."""

import csv
import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.coreutils import get_content_languages
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator

from localization.status import query
from localization.status.forms import BulkSubmitForm, StatusFilterForm
from localization.status.permissions import (
    can_submit_into,
    can_submit_translations,
    can_view_status,
)

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
# Spreadsheet applications run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as text, with a leading quote if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class StatusPermissionMixin(View):
    def dispatch(self, request, *args, **kwargs):
        if not can_view_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def overview_items(request):
    """The overview, the filter form and the filtered items for `request.GET`."""
    overview = query.StatusOverview(language=get_language())
    items = overview.build()
    form = StatusFilterForm(request.GET or None, section_choices=overview.section_choices())
    filtered = query.filter_items(items, **form.filters())
    return overview, form, items, filtered


class TranslationStatusView(StatusPermissionMixin, TemplateView):
    template_name = "localization/status/index.html"
    page_title = gettext_lazy("Translation status")

    def get(self, request, *args, **kwargs):
        self.overview, self.form, self.all_items, self.items = overview_items(request)
        if request.GET.get("export") == "csv":
            return self.export_csv()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = get_content_languages()
        codes = self.overview.languages
        page = Paginator(self.items, PAGE_SIZE).get_page(self.request.GET.get("p"))
        rows = [(item, item.cell_list(codes)) for item in page.object_list]
        params = self.request.GET.copy()
        params.pop("p", None)
        params.pop("export", None)
        summary = {code: dict.fromkeys(dict(query.STATUS_CHOICES), 0) for code in codes}
        for item in self.items:
            for code, cell in item.cells.items():
                summary[code][cell.status] += 1
        context.update(
            {
                "page_title": self.page_title,
                "header_title": self.page_title,
                "header_icon": "site",
                "form": self.form,
                "page_obj": page,
                "rows": rows,
                "languages": [(code, languages.get(code, code)) for code in codes],
                "total": len(self.items),
                "total_all": len(self.all_items),
                "query_string": params.urlencode(),
                "summary": [
                    (
                        languages.get(code, code),
                        [(query.STATUS_LABELS[s], n) for s, n in counts.items()],
                    )
                    for code, counts in summary.items()
                ],
                "can_submit": can_submit_translations(self.request.user),
                "bulk_form": BulkSubmitForm(
                    initial={"locale": self.request.GET.get("language") or None}
                ),
                "bulk_url": reverse("localization_status:bulk_submit"),
                "next_url": self.request.get_full_path(),
            }
        )
        return context

    def export_csv(self):
        languages = get_content_languages()
        codes = self.overview.languages
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="translation-status-{stamp}.csv"'
        response.write("\ufeff")  # BOM: spreadsheet applications then read UTF-8
        writer = csv.writer(response)
        header = [_("Title"), _("Type"), _("Section"), _("Source language")]
        for code in codes:
            name = languages.get(code, code)
            header += [
                _("%(language)s: status") % {"language": name},
                _("%(language)s: segments translated") % {"language": name},
                _("%(language)s: title") % {"language": name},
            ]
        header.append(_("Translation key"))
        writer.writerow([csv_safe(cell) for cell in header])
        for item in self.items:
            row = [item.title, item.type_label, item.section_title, item.source_language]
            for cell in item.cell_list(codes):
                row += [cell.label, cell.progress, cell.title]
            row.append(item.translation_key)
            writer.writerow([csv_safe(cell) for cell in row])
        return response


class BulkSubmitView(StatusPermissionMixin, View):
    """Submits the selected items for translation into one locale, with wagtail-localize's
    TranslationCreator: the same operation as its "Translate this page" view, for many items
    (related snippets included, drafts or live as wagtail-localize's settings decide)."""

    http_method_names = ["post"]

    def post(self, request):
        if not can_submit_translations(request.user):
            raise PermissionDenied
        overview = query.StatusOverview(language=get_language())
        items = {item.key: item for item in overview.build()}
        form = BulkSubmitForm(request.POST, item_keys=list(items))
        if not form.is_valid():
            messages.error(request, _("Choose at least one item and a target language."))
            return redirect(self.next_url())

        locale = form.cleaned_data["locale"]
        if not can_submit_into(request.user, locale.language_code):
            raise PermissionDenied
        creator = TranslationCreator(request.user, [locale])
        submitted, skipped, failed = [], [], []
        for key in form.cleaned_data["items"]:
            item = items[key]
            cell = item.cells.get(locale.language_code)
            if cell is None or cell.status != query.MISSING:
                skipped.append(item.title)
                continue
            try:
                with transaction.atomic():
                    instance = self.source_instance(item)
                    creator.create_translations(instance)
            except Exception:
                logger.exception("Could not submit %s for translation", key)
                failed.append(item.title)
            else:
                submitted.append(item.title)

        language = locale.get_display_name()
        if submitted:
            messages.success(
                request,
                ngettext(
                    "%(count)d item was submitted for translation into %(language)s.",
                    "%(count)d items were submitted for translation into %(language)s.",
                    len(submitted),
                )
                % {"count": len(submitted), "language": language},
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d item was skipped: it already exists in %(language)s or is "
                    "written in it (%(titles)s).",
                    "%(count)d items were skipped: they already exist in %(language)s or are "
                    "written in it (%(titles)s).",
                    len(skipped),
                )
                % {"count": len(skipped), "language": language, "titles": ", ".join(skipped)},
            )
        if failed:
            messages.error(
                request,
                ngettext(
                    "%(count)d item could not be submitted (%(titles)s).",
                    "%(count)d items could not be submitted (%(titles)s).",
                    len(failed),
                )
                % {"count": len(failed), "titles": ", ".join(failed)},
            )
        return redirect(self.next_url())

    @staticmethod
    def source_instance(item):
        if item.is_page:
            return Page.objects.get(pk=item.source_pk).specific
        return item.model.objects.get(pk=item.source_pk)

    def next_url(self):
        url = self.request.POST.get("next", "")
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("localization_status:index")
