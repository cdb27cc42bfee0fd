"""Filters of the translation status overview and the bulk submit form."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from localization.status import query


def _language_choices():
    return [("", _("All languages")), *get_content_languages().items()]


class StatusFilterForm(forms.Form):
    q = forms.CharField(label=_("Title"), required=False, max_length=200)
    section = forms.ChoiceField(label=_("Section"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, section_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        choice_fields = cast(dict[str, forms.ChoiceField], self.fields)
        choice_fields["section"].choices = [("", _("All sections")), *section_choices]
        choice_fields["type"].choices = [("", _("All types")), *query.type_choices()]
        choice_fields["status"].choices = [("", _("Any status")), *query.STATUS_CHOICES]
        choice_fields["language"].choices = _language_choices()
        self.fields["language"].help_text = _("The status filter applies to this language.")

    def filters(self):
        """The valid filter values (an invalid one is ignored and shown as an error)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


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
