"""Related pages are picked with Wagtail's page chooser, limited to the edited page's locale.

`LocalePageChooser` (one page, a foreign key) and `LocalePagesChooser` (several, a
ParentalManyToManyField) open Wagtail's own chooser modal at the section of the page's locale
that holds the pages to choose, with `chooser_locale=<language code>`; the
`construct_page_chooser_queryset` hook (`pages_of_one_locale`) then lists, browses and searches
pages of that locale only. Chosen pages show their section and date (`pages.locales.page_label`).
Other choosers (rich text links, link blocks) are unchanged. The form still refuses an item of
another locale (pages.locales.foreign_locale_errors), whatever is posted.
"""

import json

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page

LOCALE_PARAMETER = "chooser_locale"


def pages_of_one_locale(pages, request):
    """The hook: only pages of `?chooser_locale=`, when a locale chooser asks for it."""
    code = request.GET.get(LOCALE_PARAMETER)
    if code is None:
        return pages
    locale = Locale.objects.filter(language_code=code).first() if code.isalpha() else None
    if locale is None:
        return pages.none()
    # By the locale's id: the chooser's search can filter on Page's FilterField("locale") only.
    return pages.filter(locale=locale)


def section_of(model, locale):
    """The id of the page under which `model`'s pages of `locale` live (None: no such page)."""
    if locale is None:
        return None
    try:
        # On Page's own queryset: a model's queryset looks the ancestor up among its own rows.
        pages = Page.objects.type(model).filter(locale=locale)
        return pages.first_common_ancestor(strict=True).pk
    except ObjectDoesNotExist:
        return None


class LocalePageChooser(AdminPageChooser):
    """Wagtail's page chooser for one page, on pages of `locale` (see the module docstring)."""

    js_constructor = "LocalePageChooser"

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale

    def get_display_title(self, instance):
        from pages.locales import page_label

        return page_label(instance)

    def get_js_init_options(self, id_, name, value_data):
        opts = super().get_js_init_options(id_, name, value_data)
        if self.locale is not None:
            opts["chooserLocale"] = self.locale.language_code
            if section := section_of(self.model, self.locale):
                opts["sectionId"] = section
        return opts

    @property
    def media(self):
        return super().media + forms.Media(js=["js/locale-page-chooser.js"])


class LocalePagesChooser(forms.Widget):
    """Several pages of `locale`: the chosen ones listed, more added with Wagtail's chooser."""

    template_name = "pages/widgets/locale_pages_chooser.html"

    def __init__(self, model, locale=None, attrs=None):
        super().__init__(attrs)
        self.model = model
        self.locale = locale

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # nothing posted means nothing chosen, as with a <select multiple>

    def chosen_pages(self, value):
        from pages.locales import page_label

        ids = [int(pk) for pk in (value or []) if str(pk).isdigit()]
        pages = self.model.objects.in_bulk(ids)
        return [(pages[pk], page_label(pages[pk])) for pk in dict.fromkeys(ids) if pk in pages]

    @cached_property
    def model_name(self):
        return f"{self.model._meta.app_label}.{self.model._meta.model_name}"

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        return render_to_string(
            self.template_name,
            {
                "name": name,
                "id": attrs.get("id", name),
                "chosen": self.chosen_pages(value),
                "chooser_url": reverse("wagtailadmin_choose_page"),
                "model_names": json.dumps([self.model_name]),
                "locale_code": self.locale.language_code if self.locale else "",
                "parent_id": section_of(self.model, self.locale),
                "pages_label": self.model._meta.verbose_name_plural,
            },
        )

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/page-chooser-modal.js"),
                versioned_static("wagtailadmin/js/page-chooser.js"),
                "js/locale-page-chooser.js",
            ]
        )
