"""Newsletter sign-up with double opt-in: consent, signed links, one-click unsubscribe, export."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from community.consent import NEWSLETTER
from community.models import ConsentRecord, Subscriber
from community.newsletter import links
from localization.roles.groups import EDITORS, MODERATORS
from tests import helpers

pytestmark = pytest.mark.time_machine(helpers.NOW)

SIGNUP = "/de/newsletter/"
THANKS = "/de/newsletter/thanks/"


@pytest.fixture
def site(home, home_en, taxonomy):
    return taxonomy


def form(email="ada@example.org", **extra):
    return {"email": email, "language": "de", "consent": "on", **extra}


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/de/newsletter/confirm/\S+/)", message.body).group(1)


def test_the_form_in_each_language_lists_the_themes(client, site):
    german = BeautifulSoup(client.get(SIGNUP).content, "html.parser")
    assert german.h1.get_text() == "Newsletter abonnieren"
    assert [i["value"] for i in german.select("input[name=themes]")] == [
        "municipal-services",
        "urban-mobility",
    ]
    assert "Kommunale Dienstleistungen" in german.select_one("#id_themes").get_text()
    assert german.select_one("input[name=language][checked]")["value"] == "de"
    english = BeautifulSoup(client.get("/en/newsletter/").content, "html.parser")
    assert english.h1.get_text() == "Subscribe to the newsletter"
    assert english.select_one("input[name=language][checked]")["value"] == "en"


def test_a_topic_is_indented_below_its_focal_theme_and_the_consent_box_comes_first(client, site):
    page = BeautifulSoup(client.get(SIGNUP).content, "html.parser")
    labels = {
        label.input["value"]: (label.get_text(strip=True), label["class"])
        for label in page.select("#id_themes label")
    }
    assert labels == {
        "municipal-services": ("Kommunale Dienstleistungen", ["choice"]),
        "urban-mobility": ("Städtische Mobilität", ["choice", "choice--topic"]),
    }
    consent = page.select_one("#id_consent").parent
    assert "field--checkbox" in consent["class"]


def test_sign_up_records_consent_and_sends_one_confirmation(client, site):
    response = client.post(SIGNUP, form("Ada@Example.org", themes=["urban-mobility"]))
    assert response.status_code == 302
    assert response["Location"] == THANKS
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert [t.slug for t in subscriber.themes.all()] == ["urban-mobility"]
    record = ConsentRecord.objects.get()
    assert (record.email, record.purpose, record.action) == (
        "ada@example.org",
        "newsletter",
        "given",
    )
    assert (record.version, record.language) == (NEWSLETTER.version, "de")
    assert record.text == NEWSLETTER.in_language("de")
    assert record.text.startswith("Ich möchte den Newsletter")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert message.subject == "[Connective Cities] Bitte bestätigen Sie Ihr Newsletter-Abonnement"
    assert confirm_link(message).startswith("/de/newsletter/confirm/")
    assert "72 Stunden" in message.body


def test_every_well_formed_address_gets_the_same_answer(client, site):
    first = client.post(SIGNUP, form())
    mail.outbox.clear()
    again = client.post(SIGNUP, form())  # pending: nothing sent again
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    confirmed = client.post(SIGNUP, form())  # confirmed: nothing sent, nothing changed
    spam = client.post(SIGNUP, form("bot@example.org", website="http://spam.example"))
    answers = {(r.status_code, r["Location"]) for r in (first, again, confirmed, spam)}
    assert answers == {(302, THANKS)}
    assert mail.outbox == []
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["ada@example.org"]
    assert ConsentRecord.objects.count() == 1


def test_a_bad_field_is_named_and_the_rest_is_kept(client, site):
    response = client.post(
        SIGNUP, {"email": "not an address", "language": "en", "themes": ["urban-mobility"]}
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = [li.get_text(" ", strip=True) for li in soup.select("#form-errors li")]
    assert len(summary) == 2
    assert summary[0].startswith("E-Mail-Adresse")
    assert "Newsletter" in summary[1]
    assert soup.select_one("input[name=email]")["value"] == "not an address"
    assert soup.select_one("input[name=language][checked]")["value"] == "en"
    assert [i["value"] for i in soup.select("input[name=themes][checked]")] == ["urban-mobility"]
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_unknown_theme_and_language_are_refused(client, site):
    response = client.post(SIGNUP, form(language="fr", themes=["no-such-theme"]))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("#form-errors li")) == 2
    assert Subscriber.objects.count() == 0


def test_confirmation_takes_a_click_then_sends_the_welcome_with_unsubscribe_headers(client, site):
    client.post(SIGNUP, form())
    link = confirm_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert b'name="robots" content="noindex, nofollow"' in page.content
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a GET changes nothing
    done = client.post(link)
    assert done.status_code == 200
    assert "Abonnement bestätigt" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert list(ConsentRecord.objects.values_list("action", flat=True)) == ["given", "confirmed"]
    welcome = mail.outbox[1]
    unsubscribe = links.unsubscribe_url(subscriber)
    assert welcome.extra_headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert unsubscribe in welcome.body
    assert unsubscribe.startswith("http://localhost/de/newsletter/unsubscribe/")
    # Confirming twice is harmless and sends nothing more.
    assert client.post(link).status_code == 200
    assert len(mail.outbox) == 2


def test_an_expired_link_confirms_nothing_and_a_new_sign_up_starts_over(client, site):
    client.post(SIGNUP, form())
    link = confirm_link(mail.outbox[0])
    # A minute past the link's life, counted from the sign-up itself: the module's clock ticks
    # from NOW on before the fixtures are built (and before the test database is, in the first
    # test of a busy xdist worker), so NOW + 3 days could still be inside the link's life.
    expired = Subscriber.objects.get().requested_at + datetime.timedelta(days=3, minutes=1)
    with time_machine.travel(expired):
        assert client.get(link).status_code == 410
        assert client.post(link).status_code == 410
        assert Subscriber.objects.get().status == Subscriber.Status.PENDING
        assert client.post(SIGNUP, form())["Location"] == THANKS
    assert len(mail.outbox) == 2
    assert Subscriber.objects.count() == 1
    new_link = confirm_link(mail.outbox[1])
    assert new_link != link
    assert client.get(link).status_code == 410  # the old subscriber is gone
    assert client.post(new_link).status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        "0123456789abcdef0123456789abcdef:1tXyZ:abc",
        "zzzz:zzzz",
    ],
)
def test_forged_links_are_refused(client, site, token):
    client.post(SIGNUP, form())
    assert client.get(f"/de/newsletter/confirm/{token}/").status_code == 400
    assert client.post(f"/de/newsletter/confirm/{token}/").status_code == 400
    assert client.post(f"/de/newsletter/unsubscribe/{token}/").status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_a_tampered_or_swapped_token_is_refused(client, site):
    client.post(SIGNUP, form())
    subscriber = Subscriber.objects.get()
    confirm = links.confirmation_token(subscriber)
    other = Subscriber.objects.create(email="eve@example.org", language="de")
    tampered = other.key.hex + confirm[len(subscriber.key.hex) :]
    assert client.post(f"/de/newsletter/confirm/{tampered}/").status_code == 400
    # An unsubscribe token is no confirmation token (different salt), and the other way round.
    unsubscribe = links.unsubscribe_token(subscriber)
    assert client.post(f"/de/newsletter/confirm/{unsubscribe}/").status_code == 400
    assert client.post(f"/de/newsletter/unsubscribe/{confirm}/").status_code == 400
    assert Subscriber.objects.filter(status=Subscriber.Status.PENDING).count() == 2


def test_one_click_unsubscribe_without_csrf_token(site):
    subscriber = Subscriber.objects.create(
        email="ada@example.org", language="en", status=Subscriber.Status.CONFIRMED
    )
    subscriber.themes.set([site["topic"]])
    path = links.unsubscribe_url(subscriber).removeprefix("http://localhost")
    assert path.startswith("/en/newsletter/unsubscribe/")
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED  # a GET changes nothing
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert list(subscriber.themes.all()) == []
    record = ConsentRecord.objects.get()
    assert (record.action, record.language) == ("withdrawn", "en")
    # Again: the same answer, no second record.
    assert client.post(path).status_code == 200
    assert ConsentRecord.objects.count() == 1


def test_signing_up_after_unsubscribing_asks_for_confirmation_again(client, site):
    Subscriber.objects.create(
        email="ada@example.org", language="de", status=Subscriber.Status.UNSUBSCRIBED
    )
    assert client.post(SIGNUP, form())["Location"] == THANKS
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert len(mail.outbox) == 1


def test_rate_limit_per_ip_address(client, site):
    for number in range(10):
        assert client.post(SIGNUP, form(f"person{number}@example.org")).status_code == 302
    response = client.post(SIGNUP, form("one-too-many@example.org"))
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="one-too-many@example.org").exists()
    other_network = Client(REMOTE_ADDR="192.0.2.7")
    assert other_network.post(SIGNUP, form("one-too-many@example.org")).status_code == 302


def test_rate_limit_per_address_stops_the_mails_silently(site):
    for attempt in range(5):
        Subscriber.objects.filter(email="ada@example.org").update(
            status=Subscriber.Status.UNSUBSCRIBED
        )
        visitor = Client(REMOTE_ADDR=f"192.0.2.{attempt}")
        assert visitor.post(SIGNUP, form())["Location"] == THANKS
    assert len(mail.outbox) == 3


def test_the_home_page_links_the_sign_up(client, home, home_en):
    german = BeautifulSoup(client.get("/de/").content, "html.parser")
    assert german.select_one(".newsletter-box a.button")["href"] == "/de/newsletter/"
    english = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert english.select_one(".newsletter-box a.button")["href"] == "/en/newsletter/"


def user_in(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_moderators_export_only_confirmed_subscribers(client, site, django_user_model):
    confirmed = Subscriber.objects.create(
        email="ada@example.org",
        language="en",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=helpers.NOW,
    )
    confirmed.themes.set([site["focal"], site["topic"]])
    Subscriber.objects.create(email="pending@example.org", language="de")
    Subscriber.objects.create(
        email="gone@example.org", language="de", status=Subscriber.Status.UNSUBSCRIBED
    )
    client.force_login(user_in(django_user_model, "mod", MODERATORS))
    index = client.get("/admin/newsletter_subscribers/")
    assert index.status_code == 200
    assert b"ada@example.org" in index.content
    assert b"pending@example.org" not in index.content
    response = client.get("/admin/newsletter_subscribers/?export=csv")
    assert response.status_code == 200
    assert "newsletter-subscribers.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["email", "language", "themes", "confirmed_at", "unsubscribe_url"]
    assert len(rows) == 2
    assert rows[1][:3] == ["ada@example.org", "en", "municipal-services urban-mobility"]
    assert rows[1][4] == links.unsubscribe_url(confirmed)


def test_editors_see_no_subscribers_and_nobody_adds_one(client, site, django_user_model):
    client.force_login(user_in(django_user_model, "ed", EDITORS))
    assert client.get("/admin/newsletter_subscribers/").status_code == 302  # permission denied
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    assert client.get("/admin/newsletter_subscribers/").status_code == 200
    assert client.get("/admin/newsletter_subscribers/new/").status_code == 302
    assert client.post("/admin/newsletter_subscribers/new/", {"language": "de"}).status_code == 302
    assert Subscriber.objects.count() == 0
