from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.consent import NEWSLETTER
from community.forms import HoneypotMixin, ThemeCheckboxes, offer_themes


class SignupForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes of interest"),
        required=False,
        widget=ThemeCheckboxes,
        help_text=_("Optional: we use them to point you to what matters to you."),
    )
    consent = forms.BooleanField(label=NEWSLETTER.text)

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        offer_themes(self.fields["themes"], language)
        self.fields["language"].initial = language
        self.fields["consent"].error_messages["required"] = _(
            "Please agree to receive the newsletter, or leave the form."
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
