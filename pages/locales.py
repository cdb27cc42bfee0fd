"""One language at a time: a page links to taxonomy terms, partners and pages of its own locale.

`translatable_relations(model)` lists the foreign keys and many-to-many fields of a model that
point at translatable models (terms, partners, pages). `LocaleChoicesForm` (the base form of
every content page) offers only items of the page's locale in them, themes grouped under their
focal theme, related pages with Wagtail's page chooser limited to the locale (pages.choosers),
showing their section and date. `foreign_locale_errors()` is the rule
that both the form and the models' `clean()` apply, so that the API and the shell are held to it
too: an item of another locale is refused when its version in the page's locale exists (an item
that exists only in another language may stay: wagtail-localize keeps synchronised links to
untranslated items as they are; see localization.sync).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import ForeignKey, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields

from pages.choosers import LocalePageChooser, LocalePagesChooser

# Links Wagtail itself manages across locales.
NOT_CHECKED = {"locale", "alias_of"}


def translatable_relations(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ForeignKey | ParentalManyToManyField)
        and field.name not in NOT_CHECKED
        and issubclass(field.related_model, TranslatableMixin)
    ]


def localise_synchronised_links(source, target):
    """Point the target's synchronised links to terms, partners and pages at their versions
    in the target's locale, where those exist (pages.locales: one language per page).
    wagtail-localize copies the source's ids as they are; an item without a translation stays.
    """
    locale = getattr(target, "locale", None)
    if locale is None:
        return
    synchronised = {
        field.field_name
        for field in get_translatable_fields(source.__class__)
        if field.is_synchronized(source)
    }
    for field in translatable_relations(target.__class__):
        if field.name not in synchronised:
            continue
        if isinstance(field, ParentalManyToManyField):
            items = list(getattr(target, field.name).all())
            localised = [item.get_translation_or_none(locale) or item for item in items]
            if [item.pk for item in localised] != [item.pk for item in items]:
                setattr(target, field.name, localised)
        elif (item := getattr(target, field.name, None)) is not None and (
            item.locale_id != locale.pk
        ):
            setattr(target, field.name, item.get_translation_or_none(locale) or item)


def related_items(instance, field):
    if isinstance(field, ForeignKey):
        item_id = getattr(instance, field.attname)
        if item_id is None:
            return []
        return list(field.related_model._default_manager.filter(pk=item_id))
    return list(getattr(instance, field.name).all())


def language_name(locale):
    return settings.CONTENT_LANGUAGE_NAMES.get(locale.language_code, locale.language_code)


def foreign_locale_errors(locale, items_by_field):
    """{field name: ValidationError} for items of another locale that exist in `locale`."""
    errors = {}
    for name, items in items_by_field.items():
        wrong = []
        for item in items:
            if item.locale_id == locale.pk:
                continue
            own = item.get_translation_or_none(locale)
            if own is not None:
                wrong.append((item, own))
        if wrong:
            errors[name] = ValidationError(
                [
                    ValidationError(
                        _("“%(item)s” is in %(other)s: choose its %(language)s version “%(own)s”."),
                        code="foreign_locale",
                        params={
                            "item": item,
                            "other": language_name(item.locale),
                            "language": language_name(locale),
                            "own": own,
                        },
                    )
                    for item, own in wrong
                ]
            )
    return errors


class LocaleConsistentMixin:
    """Model validation: links to translatable items stay in the instance's locale."""

    def copy_for_translation(self, locale, *args, **kwargs):
        # Wagtail copies the links as they are; wagtail-localize's sync goes through
        # localization.sync, which calls localise_synchronised_links too.
        translated = super().copy_for_translation(locale, *args, **kwargs)  # type: ignore[misc]
        specific = translated.specific
        localise_synchronised_links(self, specific)
        specific.save(clean=False)
        return specific

    def clean(self):
        super().clean()  # type: ignore[misc]
        if not getattr(self, "locale_id", None):
            return
        errors = foreign_locale_errors(
            self.locale,  # type: ignore[attr-defined]
            {
                field.name: related_items(self, field)
                for field in translatable_relations(type(self))
            },
        )
        if errors:
            raise ValidationError(errors)


def page_label(page):
    """A related page as editors recognise it: title, section and date or place."""
    page = page.specific
    details = [str(page.get_parent().title)] if page.depth > 2 else []
    if start := getattr(page, "start_date", None):
        details.append(start.strftime("%d.%m.%Y"))
    elif status := getattr(page, "get_status_display", None):
        details.append(str(status()))
    return f"{page.title} ({', '.join(details)})" if details else page.title


def grouped_themes(themes):
    """Choices of themes: each focal theme heads a group of itself and its topics."""
    themes = list(themes)
    focal = [theme for theme in themes if theme.parent_id is None]
    groups = []
    for head in focal:
        topics = [theme for theme in themes if theme.parent_id == head.pk]
        all_label = format_lazy(_("{theme} (all its topics)"), theme=head.name)
        groups.append(
            (head.name, [(head.pk, all_label), *((topic.pk, topic.name) for topic in topics)])
        )
    heads = {head.pk for head in focal}
    orphans = [(t.pk, t.name) for t in themes if t.parent_id and t.parent_id not in heads]
    return groups + ([(_("Other themes"), orphans)] if orphans else [])


class LocaleChoicesForm(WagtailAdminPageForm):
    """The content pages' form: choices only in the page's locale (see the module docstring)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.locale = self._page_locale(parent_page)
        for field in translatable_relations(type(self.instance)):
            form_field = self.fields.get(field.name)
            if not isinstance(form_field, forms.ModelChoiceField) or self.locale is None:
                continue
            model = field.related_model
            if issubclass(model, Page):
                # Any page validates here, so that one of another locale gets clean()'s clear
                # message; the chooser itself lists the page's locale only.
                form_field.label_from_instance = page_label
                form_field.widget = (
                    LocalePagesChooser(model, locale=self.locale)
                    if isinstance(form_field, forms.ModelMultipleChoiceField)
                    else LocalePageChooser(target_models=[model], locale=self.locale)
                )
                continue
            current = [item.pk for item in related_items(self.instance, field)]
            # Items already linked stay visible (and are then refused with a message), so
            # that no link disappears unseen.
            form_field.queryset = form_field.queryset.filter(
                Q(locale=self.locale) | Q(pk__in=current)
            )
            if model._meta.model_name == "theme":
                form_field.choices = grouped_themes(
                    form_field.queryset.order_by("sort_order", "name")
                )

    def _page_locale(self, parent_page):
        if self.instance.locale_id:
            return self.instance.locale
        if parent_page is not None:
            return parent_page.locale
        return Locale.get_default()

    def clean(self):
        cleaned_data = super().clean()
        if self.locale is not None:
            items = {
                field.name: self._chosen(cleaned_data.get(field.name))
                for field in translatable_relations(type(self.instance))
                if field.name in self.fields
            }
            for name, error in foreign_locale_errors(self.locale, items).items():
                self.add_error(name, error)
        return cleaned_data

    @staticmethod
    def _chosen(value):
        if value is None:
            return []
        if hasattr(value, "locale_id"):
            return [value]
        return list(value)
