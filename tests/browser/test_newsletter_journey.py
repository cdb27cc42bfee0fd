"""A visitor signs up for the German newsletter, confirms from the mail (Django's locmem outbox) and
unsubscribes with the link of the welcome mail, in Chromium."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from community.models import Subscriber

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def path_in(message, name):
    """The path of the portal link `name` (confirm, unsubscribe) in a mail's text."""
    return re.search(rf"https?://[^/\s]+(/de/newsletter/{name}/\S+/)", message.body).group(1)


@pytest.fixture
def site(portal, live_server_lock):
    with live_server_lock:
        cache.clear()  # rate limits
        mail.outbox = []
    return portal


def test_a_visitor_signs_up_confirms_and_unsubscribes(site, new_context):
    page = new_context().new_page()
    page.goto("/de/newsletter/")
    page.locator("#id_email").fill("Ada@Example.org")
    page.get_by_label("Städtische Mobilität", exact=False).check()
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Abonnieren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte sehen Sie in Ihr Postfach")
    [confirmation] = mail.outbox
    assert confirmation.to == ["ada@example.org"]
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    page.goto(path_in(confirmation, "confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement bestätigen")
    page.get_by_role("button", name="Abonnement bestätigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement bestätigt")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert [t.slug for t in subscriber.themes.all()] == ["urban-mobility"]

    welcome = mail.outbox[1]
    unsubscribe = path_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    page.goto(unsubscribe)
    page.get_by_role("button", name="Abmelden", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sie sind abgemeldet")
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    assert len(mail.outbox) == 2
