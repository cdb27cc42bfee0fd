"""Filters of the translation status report and the bulk submit form."""

from typing import cast

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from localization.status import query


class StatusFilterSet(WagtailFilterSet):
    """The report's filters. The items are not a queryset (see `query`): the filter set only
    validates the values, and `filter_queryset` applies them to the list of items with
    `query.filter_items`, where the status filter depends on the chosen language."""

    q = django_filters.CharFilter(label=_("Title"), max_length=200)
    section = django_filters.ChoiceFilter(label=_("Section"), empty_label=_("All sections"))
    type = django_filters.ChoiceFilter(label=_("Type"), empty_label=_("All types"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), empty_label=_("Any status"), choices=query.STATUS_CHOICES
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        empty_label=_("All languages"),
        help_text=_("The status filter applies to this language."),
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, section_choices=()):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["section"].extra["choices"] = list(section_choices)
        self.filters["type"].extra["choices"] = query.type_choices()
        self.filters["language"].extra["choices"] = list(get_content_languages().items())

    def filter_queryset(self, queryset):
        values = {name: value for name, value in self.form.cleaned_data.items() if value}
        return type(queryset)(query.filter_items(queryset, **values))


class BulkSubmitForm(forms.Form):
    items = forms.MultipleChoiceField(label=_("Items"))
    locale = forms.ModelChoiceField(
        label=_("Target language"),
        queryset=Locale.objects.none(),
        to_field_name="language_code",
        empty_label=None,
    )

    def __init__(self, *args, item_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["items"]).choices = [
            (key, key) for key in item_keys
        ]
        cast(forms.ModelChoiceField, self.fields["locale"]).queryset = Locale.objects.filter(
            language_code__in=list(get_content_languages())
        ).order_by("language_code")
