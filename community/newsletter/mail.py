"""Every mail to a subscriber carries the one-click unsubscribe headers (RFC 2369 and RFC 8058)."""

from community.mail import message

from .links import unsubscribe_url


def unsubscribe_headers(subscriber):
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subscriber_message(subscriber, subject, template, context=None):
    context = {**(context or {}), "unsubscribe_url": unsubscribe_url(subscriber)}
    return message(
        subscriber.email,
        subscriber.language,
        subject,
        template,
        context,
        headers=unsubscribe_headers(subscriber),
    )
