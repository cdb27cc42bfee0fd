from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import HoneypotMixin


class ContactForm(HoneypotMixin, forms.Form):
    """A message to an expert; the portal relays it, so neither side sees an address first."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The expert receives it with your message, to answer you."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Connective Cities passes my name, e-mail address and message on to "
            "this expert. The portal does not keep the message."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].error_messages["required"] = _(
            "Without your agreement we cannot pass your message on."
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_subject(self):
        # One line: a subject with line breaks could smuggle mail headers.
        return " ".join(self.cleaned_data["subject"].split())
