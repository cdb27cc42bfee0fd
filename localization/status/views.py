"""The translation status report (Wagtail's ReportView) and its bulk "Submit for translation"."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator

from localization.status import query
from localization.status.forms import BulkSubmitForm, StatusFilterSet
from localization.status.permissions import (
    can_submit_into,
    can_submit_translations,
    can_view_status,
)

logger = logging.getLogger(__name__)


class ItemList(list):
    """The report's items, where django-filter and Wagtail's listing expect a queryset: they
    read its `model` (None: no model fields to filter on, no locale filter added)."""

    model = None


PAGE_SIZE = 50
# Spreadsheet applications run cells starting with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as text, with a leading quote if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class TranslationStatusView(ReportView):
    """The report, on Wagtail's ReportView: filters (`StatusFilterSet`), paging, and the CSV and
    XLSX export of every filtered item come from Wagtail. Its rows are `query.Item`s, built in
    a fixed number of queries, not a queryset."""

    template_name = "localization/status/index.html"
    results_template_name = "localization/status/index_results.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    index_url_name = "localization_status:index"
    index_results_url_name = "localization_status:index_results"
    filterset_class = StatusFilterSet
    paginate_by = PAGE_SIZE
    context_object_name = "status_items"
    # Wagtail's XLSX export turns formulas into text; its CSV export does not, so every text
    # cell of the CSV goes through csv_safe.
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: csv_safe},
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def overview(self):
        return query.StatusOverview(language=get_language())

    @cached_property
    def all_items(self):
        return ItemList(self.overview.build())

    @cached_property
    def languages(self):
        return self.overview.languages

    def get_base_queryset(self):
        return self.all_items

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "queryset": self.all_items,
            "section_choices": self.overview.section_choices(),
        }

    def get_filtered_queryset(self):
        return self.get_queryset()  # BaseListingView.get_queryset applies the filters

    # -- export -----------------------------------------------------------------------------

    @cached_property
    def export_headings(self):
        names = get_content_languages()
        headings = {
            "title": _("Title"),
            "type": _("Type"),
            "section": _("Section"),
            "source_language": _("Source language"),
        }
        for code in self.languages:
            language = {"language": names.get(code, code)}
            headings[f"{code}:status"] = _("%(language)s: status") % language
            headings[f"{code}:progress"] = _("%(language)s: segments translated") % language
            headings[f"{code}:title"] = _("%(language)s: title") % language
        headings["translation_key"] = _("Translation key")
        return headings

    @cached_property
    def list_export(self):
        return list(self.export_headings)

    def to_row_dict(self, item):
        row = {
            "title": item.title,
            "type": str(item.type_label),
            "section": item.section_title,
            "source_language": item.source_language,
        }
        for cell in item.cell_list(self.languages):
            row[f"{cell.language}:status"] = str(cell.label)
            row[f"{cell.language}:progress"] = cell.progress
            row[f"{cell.language}:title"] = cell.title
        row["translation_key"] = str(item.translation_key)
        return row

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def get_filename(self):
        return f"translation-status-{timezone.localtime():%Y-%m-%d}"

    def stream_csv(self, queryset):
        yield "\ufeff".encode()  # BOM: spreadsheet applications then read UTF-8
        yield from super().stream_csv(queryset)

    # -- page -------------------------------------------------------------------------------

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        names = get_content_languages()
        codes = self.languages
        summary = {code: dict.fromkeys(dict(query.STATUS_CHOICES), 0) for code in codes}
        for item in self.object_list:
            for code, cell in item.cells.items():
                summary[code][cell.status] += 1
        params = self.request.GET.copy()
        for name in ("export", "_w_filter_fragment"):
            params.pop(name, None)
        next_url = self.index_url + (f"?{params.urlencode()}" if params else "")
        context.update(
            {
                "rows": [(item, item.cell_list(codes)) for item in context["object_list"]],
                "languages": [(code, names.get(code, code)) for code in codes],
                "total": len(self.object_list),
                "total_all": len(self.all_items),
                "summary": [
                    (
                        names.get(code, code),
                        [(query.STATUS_LABELS[s], n) for s, n in counts.items()],
                    )
                    for code, counts in summary.items()
                ],
                "can_submit": can_submit_translations(self.request.user),
                "bulk_form": BulkSubmitForm(
                    initial={"locale": self.request.GET.get("language") or None}
                ),
                "bulk_url": reverse("localization_status:bulk_submit"),
                "next_url": next_url,
            }
        )
        return context


class BulkSubmitView(View):
    """Submits the selected items for translation into one locale, with wagtail-localize's
    TranslationCreator: the same operation as its "Translate this page" view, for many items
    (related snippets included, drafts or live as wagtail-localize's settings decide)."""

    http_method_names = ["post"]

    def post(self, request):
        if not can_view_status(request.user) or not can_submit_translations(request.user):
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
