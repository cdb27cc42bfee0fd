"""Export and erasure on request, and the retention rules (community_personal_data)."""

import datetime
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from community.consent import NEWSLETTER
from community.models import ConsentRecord, Subscriber
from tests import helpers

pytestmark = pytest.mark.time_machine(helpers.NOW)


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("community_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def ada(taxonomy):
    subscriber = Subscriber.objects.create(
        email="ada@example.org",
        language="en",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=helpers.NOW,
    )
    subscriber.themes.set([taxonomy["topic"]])
    ConsentRecord.record("ada@example.org", NEWSLETTER, ConsentRecord.Action.GIVEN, "en")
    ConsentRecord.record("other@example.org", NEWSLETTER, ConsentRecord.Action.GIVEN, "de")
    return subscriber


def test_export_holds_everything_about_the_address(ada):
    data = json.loads(run("export", "ADA@example.org"))
    assert data["email"] == "ada@example.org"
    assert data["newsletter"]["status"] == "confirmed"
    assert data["newsletter"]["themes"] == ["urban-mobility"]
    assert data["newsletter"]["confirmed_at"] == helpers.NOW.isoformat()
    assert [c["purpose"] for c in data["consents"]] == ["newsletter"]
    assert data["proposals"] == []
    assert data["consents"][0]["text"] == NEWSLETTER.in_language("en")


def test_erase_deletes_only_that_person(ada):
    assert run("erase", "ada@example.org") == (
        "Erased 1 newsletter subscriptions.\nErased 1 consent records.\n"
    )
    assert not Subscriber.objects.exists()
    assert list(ConsentRecord.objects.values_list("email", flat=True)) == ["other@example.org"]
    assert run("erase", "ada@example.org") == "Nothing stored about this address.\n"


def test_a_bad_address_is_refused(db):
    with pytest.raises(CommandError, match="Not an e-mail address"):
        run("export", "nobody")


def test_purge_applies_the_retention_rules(ada):
    pending = Subscriber.objects.create(email="late@example.org", language="de")
    gone = Subscriber.objects.create(
        email="gone@example.org",
        language="de",
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at=helpers.NOW,
    )
    assert run("purge") == "Nothing to delete.\n"
    with time_machine.travel(helpers.NOW + datetime.timedelta(days=4)):
        assert run("purge") == "Deleted 1 unconfirmed sign-ups.\n"
    assert not Subscriber.objects.filter(pk=pending.pk).exists()
    with time_machine.travel(helpers.NOW + datetime.timedelta(days=31)):
        assert run("purge") == "Deleted 1 unsubscribed addresses.\n"
    assert not Subscriber.objects.filter(pk=gone.pk).exists()
    # Proof of consent stays three years after the subscription ended, not for a subscriber.
    with time_machine.travel(helpers.NOW + datetime.timedelta(days=3 * 365 + 1)):
        assert run("purge") == "Deleted 1 consent records.\n"
    assert list(ConsentRecord.objects.values_list("email", flat=True)) == ["ada@example.org"]
