"""What the community's public forms share: the honeypot and the theme choices."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages import content_cache
from pages.models import Theme


class HoneypotMixin:
    """A field people never see (hidden by CSS and from assistive technology); bots fill it."""

    honeypot_name = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        for field in self.fields.values():
            # Each field in a box that marks it required and holds its error next to it.
            field.template_name = "community/_field.html"

    def is_spam(self):
        return bool(self.data.get(self.honeypot_name))


def locale_for(language):
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    """A checkbox per theme: each focal theme followed by its topics, which are indented
    (community/widgets/theme_option.html). `topics` holds the topics' slugs; see
    `offer_themes`."""

    option_template_name = "community/widgets/theme_option.html"
    topics = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["is_topic"] = value in self.topics
        return option


def offer_themes(field, language):
    """Make the themes in `language` the choices of `field` (a MultipleChoiceField shown with
    ThemeCheckboxes): the focal themes in their order, each followed by its topics; a focal
    theme with no topics is a choice of its own. Kept per generation (pages.content_cache:
    a changed theme makes it stale)."""
    choices, topics = content_cache.get_or_build(
        "theme-choices", language, build=lambda: _theme_choices(language)
    )
    field.choices = choices
    field.widget.topics = topics


def _theme_choices(language):
    themes = list(Theme.objects.filter(locale=locale_for(language)).select_related("parent"))
    focal = sorted((t for t in themes if t.parent_id is None), key=lambda t: (t.sort_order, t.name))
    choices, topics = [], set()
    for theme in focal:
        children = sorted(
            (t for t in themes if t.parent_id == theme.pk), key=lambda t: (t.sort_order, t.name)
        )
        choices.append((theme.slug, theme.name))
        choices.extend((topic.slug, topic.name) for topic in children)
        topics.update(topic.slug for topic in children)
    return choices, frozenset(topics)


def themes_for(slugs, language):
    return list(Theme.objects.filter(locale=locale_for(language), slug__in=slugs))
