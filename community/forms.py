"""What the community's public forms share: the honeypot and the theme choices."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

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


def theme_choices(language):
    """Focal themes as groups of their topics (slug, name) in `language`; a focal theme with no
    topics is a choice of its own."""
    themes = list(Theme.objects.filter(locale=locale_for(language)).select_related("parent"))
    focal = sorted((t for t in themes if t.parent_id is None), key=lambda t: (t.sort_order, t.name))
    choices = []
    for theme in focal:
        topics = sorted(
            (t for t in themes if t.parent_id == theme.pk), key=lambda t: (t.sort_order, t.name)
        )
        choices.append((theme.slug, theme.name))
        choices.extend((topic.slug, f"– {topic.name}") for topic in topics)
    return choices


def themes_for(slugs, language):
    return list(Theme.objects.filter(locale=locale_for(language), slug__in=slugs))
