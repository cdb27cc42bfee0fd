"""Plain-text mails in the recipient's language, rendered from templates/community/mail/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import override


def message(to, language, subject, template, context=None, headers=None, reply_to=None):
    """An EmailMessage; `subject` is a lazy translation, rendered in `language` like the body."""
    with override(language):
        body = render_to_string(f"community/mail/{template}.txt", context or {})
        subject = " ".join(str(subject).split())
    return EmailMessage(
        subject=f"[Connective Cities] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers=headers or {},
        reply_to=reply_to,
    )


def send(*args, **kwargs):
    return message(*args, **kwargs).send()
