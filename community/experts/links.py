"""The expert's own withdrawal link (signed, does not expire), sent with every relayed message."""

import uuid

from django.core import signing

from community.links import absolute_reverse

WITHDRAW_SALT = "community.experts.withdraw"


def withdraw_token(contact):
    return signing.Signer(salt=WITHDRAW_SALT).sign(contact.key.hex)


def key_from_withdraw(token):
    value = signing.Signer(salt=WITHDRAW_SALT).unsign(token)
    try:
        return uuid.UUID(hex=value)
    except ValueError as error:
        raise signing.BadSignature("Not an expert key") from error


def withdraw_url(contact):
    return absolute_reverse("expert_withdraw", contact.language, args=[withdraw_token(contact)])
