from django import forms
from django.utils.translation import gettext_lazy as _

from community.consent import PROPOSAL_CONTACT, PROPOSAL_PUBLICATION
from community.forms import HoneypotMixin, ThemeCheckboxes, locale_for, offer_themes, themes_for
from community.uploads import MultipleFileField, document_field, image_field
from pages import content_cache
from pages.models import Country

SECTION_HELP = {
    "challenge": _("Which problem did the city face?"),
    "approach": _("What did it do, with whom, and how?"),
    "results": _("What has changed? Figures are welcome."),
    "lessons": _("What would you do differently, what proved essential?"),
    "transferability": _("What do other cities need to adopt it?"),
}


def _textarea(label, required=True, max_length=5000, rows=6, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


UPLOADS = ("images", "documents")


class ProposalForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("For our questions and to tell you when it is published. Never shown."),
    )
    organisation = forms.CharField(label=_("Your organisation"), max_length=200, required=False)
    title = forms.CharField(label=_("Title of the practice"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=120)
    country = forms.ChoiceField(label=_("Country"))
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=ThemeCheckboxes)
    summary = _textarea(
        _("Summary"), max_length=500, rows=3, help_text=_("One or two sentences, for the cards.")
    )
    challenge = _textarea(_("Challenge"), help_text=SECTION_HELP["challenge"])
    approach = _textarea(_("Approach"), help_text=SECTION_HELP["approach"])
    results = _textarea(_("Results"), required=False, help_text=SECTION_HELP["results"])
    lessons = _textarea(_("Lessons learned"), required=False, help_text=SECTION_HELP["lessons"])
    transferability = _textarea(
        _("Transferability"), required=False, help_text=SECTION_HELP["transferability"]
    )
    contact_person = forms.CharField(
        label=_("Contact person for the practice"),
        max_length=200,
        required=False,
        help_text=_("Published with the practice."),
    )
    contact_institution = forms.CharField(label=_("Institution"), max_length=200, required=False)
    images = MultipleFileField(
        label=_("Images"),
        file_field=image_field(),
        help_text=_("Up to 5 photos (%(formats)s, each at most %(size)s)."),
    )
    documents = MultipleFileField(
        label=_("Documents"),
        file_field=document_field(),
        help_text=_("Up to 5 documents (%(formats)s, each at most %(size)s)."),
    )
    consent_publication = forms.BooleanField(label=PROPOSAL_PUBLICATION.text)
    consent_contact = forms.BooleanField(label=PROPOSAL_CONTACT.text)

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        countries = content_cache.get_or_build(
            "countries",
            language,
            build=lambda: list(
                Country.objects.filter(locale=locale_for(language)).order_by("name")
            ),
        )
        self.countries = {country.slug: country for country in countries}
        self.fields["country"].choices = [("", "---------")] + [(c.slug, c.name) for c in countries]
        offer_themes(self.fields["themes"], language)
        # Built per form, so that the upload settings are read when the form is used.
        for name, field in zip(UPLOADS, (image_field(), document_field()), strict=True):
            self.fields[name].file_field = field
            self.fields[name].help_text = self.fields[name].help_text % {
                "formats": ", ".join(field_formats(name)),
                "size": field.max_upload_size_text,
            }
        self.fields["consent_publication"].error_messages["required"] = _(
            "We can publish the practice only with your consent."
        )
        self.fields["consent_contact"].error_messages["required"] = _(
            "We need to be able to ask you about the practice."
        )

    def rendering_key(self) -> str:
        """What the rendered unbound form depends on besides the language and the content
        (countries, themes): the upload settings shown in help texts and widget attributes."""
        return repr([(self.fields[n].help_text, self.fields[n].widget.attrs) for n in UPLOADS])

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_themes(self):
        return themes_for(self.cleaned_data["themes"], self.language)

    def clean_country(self):
        return self.countries[self.cleaned_data["country"]]


def field_formats(name):
    from django.conf import settings

    if name == "images":
        return settings.WAGTAILIMAGES_EXTENSIONS
    return settings.WAGTAILDOCS_EXTENSIONS
