"""Propose a good practice: stored first, a draft in moderation, mails, and abuse."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from community import personal_data
from community.consent import PROPOSAL_CONTACT, PROPOSAL_PUBLICATION
from community.models import ConsentRecord, PracticeProposal
from localization.roles.groups import MODERATORS
from pages.models import GoodPracticePage
from tests import helpers

pytestmark = pytest.mark.time_machine(helpers.NOW)

URL = "/de/propose-a-practice/"


@pytest.fixture
def site(home, sections, taxonomy, django_user_model):
    moderator = django_user_model.objects.create_user("mod", email="mod@example.org", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return {**taxonomy, "sections": sections, "moderator": moderator}


def png(name="photo.png", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="report.pdf", content=b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def data(**extra):
    return {
        "name": "Amina Haddad",
        "email": "Amina@Example.org",
        "organisation": "Stadt Irbid",
        "title": "Bürgerhaushalt in Irbid",
        "city": "Irbid",
        "country": "th",
        "themes": ["urban-mobility"],
        "summary": "Bürgerinnen entscheiden mit.",
        "challenge": "Wenig Vertrauen.\n\nZweiter Absatz <script>alert(1)</script>",
        "approach": "Ein offener Haushalt.",
        "results": "",
        "lessons": "",
        "transferability": "",
        "contact_person": "Amina Haddad",
        "contact_institution": "Stadt Irbid",
        "consent_publication": "on",
        "consent_contact": "on",
        **extra,
    }


def test_the_index_links_the_form_in_each_language(client, site, home_en):
    index = client.get(site["sections"]["practices"].url)
    soup = BeautifulSoup(index.content, "html.parser")
    assert soup.select_one(".propose-practice a")["href"] == URL
    form = BeautifulSoup(client.get(URL).content, "html.parser")
    assert form.h1.get_text() == "Gute Praxis vorschlagen"
    assert [o["value"] for o in form.select("select[name=country] option")] == ["", "th"]
    english = BeautifulSoup(client.get("/en/propose-a-practice/").content, "html.parser")
    assert english.h1.get_text() == "Propose a good practice"


def test_a_proposal_becomes_a_draft_in_moderation_and_mails_go_out(client, site):
    response = client.post(
        URL, data(images=[png(), png("second.png")], documents=[pdf()]), format="multipart"
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/propose-a-practice/thanks/"
    proposal = PracticeProposal.objects.get()
    assert (proposal.email, proposal.language, proposal.country) == (
        "amina@example.org",
        "de",
        site["country"],
    )
    assert [t.slug for t in proposal.themes.all()] == ["urban-mobility"]
    assert proposal.images.count() == 2
    assert proposal.documents.get().collection.name == "Proposed practices"
    page = GoodPracticePage.objects.get()
    assert proposal.page_id == page.pk
    assert proposal.draft_error == ""
    assert not page.live
    assert page.locale.language_code == "de"
    assert page.get_parent().pk == site["sections"]["practices"].pk
    assert (page.title, page.slug, page.city) == (
        "Bürgerhaushalt in Irbid",
        "burgerhaushalt-in-irbid",
        "Irbid",
    )
    assert page.challenge == (
        "<p>Wenig Vertrauen.</p>\n\n<p>Zweiter Absatz &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert page.hero_image == proposal.images.first()
    assert page.documents[0].value["documents"][0]["document"] == proposal.documents.get()
    assert [t.slug for t in page.themes.all()] == ["urban-mobility"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision().content["title"] == "Bürgerhaushalt in Irbid"
    consents = ConsentRecord.objects.filter(email="amina@example.org")
    assert sorted(consents.values_list("purpose", flat=True)) == [
        PROPOSAL_CONTACT.purpose,
        PROPOSAL_PUBLICATION.purpose,
    ]
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == [("amina@example.org",), ("mod@example.org",)]
    confirmation = next(m for m in mail.outbox if m.to == ["amina@example.org"])
    assert confirmation.subject == "[Connective Cities] Wir haben Ihren Vorschlag erhalten"
    assert "Bürgerhaushalt in Irbid" in confirmation.body
    moderators = next(m for m in mail.outbox if m.to == ["mod@example.org"])
    assert "Bürgerhaushalt in Irbid" in moderators.subject + moderators.body


def test_publishing_sends_the_submitter_the_link_once(client, site):
    client.post(URL, data())
    page = GoodPracticePage.objects.get()
    mail.outbox.clear()
    page.get_latest_revision().publish()
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["amina@example.org"]
    assert notice.subject == "[Connective Cities] Ihre Praxis ist veröffentlicht"
    assert "http://localhost/de/gute-praxis/burgerhaushalt-in-irbid/" in notice.body
    page.save_revision().publish()
    assert len(mail.outbox) == 1
    assert PracticeProposal.objects.get().published_notice_sent_at is not None


def test_without_a_practice_index_the_proposal_is_kept_and_moderators_told(client, site):
    site["sections"]["practices"].delete()
    response = client.post(URL, data())
    assert response.status_code == 302
    proposal = PracticeProposal.objects.get()
    assert proposal.page is None
    assert proposal.draft_error == "DraftError: No good practice index in the language 'de'."
    failure = next(m for m in mail.outbox if m.to == ["mod@example.org"])
    assert failure.subject == "[Connective Cities] A proposed practice needs your attention"
    assert f"/admin/community_proposals/inspect/{proposal.pk}/" in failure.body
    assert any(m.to == ["amina@example.org"] for m in mail.outbox)


def errors_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, {
        field["name"]: field.find_parent("div", class_="field")
        .select_one(".errorlist")
        .get_text(" ", strip=True)
        for field in soup.select("[aria-invalid=true]")
    }


def test_every_bad_field_is_named_and_the_rest_kept(client, site):
    response = client.post(
        URL,
        data(email="nope", country="xx", summary="", consent_contact="", title="x" * 201),
    )
    assert response.status_code == 400
    soup, errors = errors_of(response)
    assert set(errors) == {"email", "country", "summary", "consent_contact", "title"}
    assert len(soup.select("#form-errors li")) == 5
    assert soup.select_one("input[name=city]")["value"] == "Irbid"
    assert (
        soup.select_one("textarea[name=approach]").get_text().removeprefix("\n")
        == "Ein offener Haushalt."
    )
    assert [i["value"] for i in soup.select("input[name=themes][checked]")] == ["urban-mobility"]
    assert PracticeProposal.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        ("images", SimpleUploadedFile("photo.png", b"just text, not a picture"), "photo.png: "),
        ("images", SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "tool.exe: "),
        ("documents", SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03"), "report.pdf: "),
        ("documents", SimpleUploadedFile("notes.txt", b"\x7fELF\x02\x01\x00"), "notes.txt: "),
        ("documents", SimpleUploadedFile("macro.docm", b"PK\x03\x04"), "macro.docm: "),
    ],
)
def test_disguised_and_unknown_uploads_are_refused(client, site, field, upload, message):
    response = client.post(URL, data(**{field: [upload]}))
    assert response.status_code == 400
    _soup, errors = errors_of(response)
    assert list(errors) == [field]
    assert errors[field].startswith(message)
    assert PracticeProposal.objects.count() == 0


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000, WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_oversized_uploads_are_refused_by_the_admin_limits(client, site):
    response = client.post(
        URL, data(images=[png(size=(400, 400))], documents=[pdf(content=b"%PDF-" + b"0" * 200)])
    )
    assert response.status_code == 400
    _soup, errors = errors_of(response)
    assert "photo.png: " in errors["images"]
    assert "report.pdf: " in errors["documents"]
    assert PracticeProposal.objects.count() == 0


def test_at_most_five_files_per_field(client, site):
    response = client.post(URL, data(images=[png(f"p{n}.png") for n in range(6)]))
    assert response.status_code == 400
    assert "images" in errors_of(response)[1]


def test_honeypot_stores_nothing(client, site):
    response = client.post(URL, data(website="http://spam.example"))
    assert response["Location"] == "/de/propose-a-practice/thanks/"
    assert PracticeProposal.objects.count() == 0
    assert mail.outbox == []


def test_repeated_submissions_are_limited_per_address_and_per_ip(site):
    for attempt in range(3):
        visitor = Client(REMOTE_ADDR=f"192.0.2.{attempt}")
        assert visitor.post(URL, data(title=f"Praxis {attempt}")).status_code == 302
    fourth = Client(REMOTE_ADDR="192.0.2.9").post(URL, data(title="Praxis 4"))
    assert fourth.status_code == 429
    assert PracticeProposal.objects.count() == 3
    same_network = Client(REMOTE_ADDR="198.51.100.1")
    for number in range(5):
        same_network.post(URL, data(email=f"p{number}@example.org", title=f"Andere {number}"))
    assert same_network.post(URL, data(email="p9@example.org")).status_code == 429
    assert PracticeProposal.objects.count() == 8


def test_erasing_the_proposer_deletes_the_uploads_no_page_uses(
    client, site, django_capture_on_commit_callbacks
):
    client.post(URL, data(images=[png(), png("second.png")], documents=[pdf()]), format="multipart")
    proposal = PracticeProposal.objects.get()
    hero, unused = proposal.images.order_by("pk")
    document = proposal.documents.get()
    unused_file = unused.file.name

    # The moderator keeps the first picture (the page's hero) and the document, and drops the
    # second from the draft's gallery of pictures.
    page = GoodPracticePage.objects.get()
    page.body = [
        (block.block_type, block.value) for block in page.body if block.block_type != "image"
    ]
    page.save_revision()
    page.save()
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail deletes files on commit
        erased = personal_data.erase("amina@example.org")
    assert erased == {"uploaded files": 1, "proposed practices": 1, "consent records": 2}
    assert list(get_image_model().objects.values_list("pk", flat=True)) == [hero.pk]
    assert list(Document.objects.values_list("pk", flat=True)) == [document.pk]
    assert GoodPracticePage.objects.get().hero_image_id == hero.pk
    assert default_storage.exists(hero.file.name)
    assert not default_storage.exists(unused_file)
