"""The pool of experts: public only with consent, gone everywhere at once on withdrawal, filters,
and messages relayed without showing the expert's address."""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from community import personal_data
from community.consent import EXPERT_PROFILE
from community.experts import links
from community.models import ConsentRecord, ExpertContact, ExpertIndexPage, ExpertPage
from localization.roles.groups import EDITORS, MODERATORS
from pages.models import Region, Theme
from search import indexing
from tests import helpers

pytestmark = pytest.mark.time_machine(helpers.NOW)

ADDRESS = "ada.expert@example.org"


@pytest.fixture
def directory(home, home_en, taxonomy):
    german = home.add_child(
        instance=ExpertIndexPage(
            title="Expertinnen und Experten", slug="experten", locale=home.locale
        )
    )
    english = helpers.translate_page(german, home_en.locale, title="Experts", slug="experts")
    return german, english


def make_contact(email=ADDRESS, consent=True, **extra):
    return ExpertContact.objects.create(
        name="Ada Lovelace",
        email=email,
        language="en",
        consent_given_at=helpers.NOW if consent else None,
        **extra,
    )


def make_expert(directory, taxonomy, contact, title="Ada Lovelace", publish=True, **extra):
    page = directory.add_child(
        instance=ExpertPage(
            title=title,
            teaser="Twenty years of bus rapid transit planning in Bangkok.",
            organisation="Stadt Karlsruhe",
            city="Karlsruhe",
            country=taxonomy["country"],
            contact=contact,
            languages=["de", "fr"],
            locale=directory.locale,
            live=False,
            **extra,
        )
    )
    page.themes.set([taxonomy["topic"]])
    page.save()
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ExpertPage.objects.get(pk=page.pk)


@pytest.fixture
def experts(directory, taxonomy):
    german, english = directory
    ada = make_expert(german, taxonomy, make_contact())
    ada_en = helpers.translate_page(ada, english.locale, title="Ada Lovelace", slug="ada-lovelace")
    hidden = make_expert(
        german,
        taxonomy,
        make_contact("no.consent@example.org", consent=False),
        title="Grace Hidden",
    )
    indexing.process_pending()
    return {"ada": ada, "ada_en": ada_en, "hidden": hidden}


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def public_surfaces(client):
    """What visitors and machines can read: directories, search (HTML and JSON), API, sitemap."""
    return {
        "directory de": text(client.get("/de/experten/")),
        "directory en": text(client.get("/en/experts/")),
        "search": text(client.get("/de/search/?type=expert")),
        "search api": client.get("/api/search/?lang=de&type=expert").content.decode(),
        "api v2": client.get("/api/v2/pages/?type=community.ExpertPage&fields=*").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }


def test_a_profile_with_consent_is_public_everywhere_one_without_nowhere(client, experts):
    ada, hidden = experts["ada"], experts["hidden"]
    assert ada.live and not hidden.live  # publishing without consent leaves it a draft
    assert client.get(ada.url).status_code == 200
    assert client.get(f"/de/experten/{hidden.slug}/").status_code == 404
    for surface, content in public_surfaces(client).items():
        assert "Ada Lovelace" in content or "/ada-lovelace/" in content, surface
        assert "Grace Hidden" not in content and "grace-hidden" not in content, surface
        assert "@example.org" not in content, surface  # no address anywhere
    api = client.get("/api/search/?lang=de&type=expert").json()
    assert [r["title"] for r in api["results"]] == ["Ada Lovelace"]
    assert {b["value"] for b in api["facets"]["type"] if b["count"]} == {"expert"}


def test_the_detail_page_shows_the_profile_and_a_contact_link_never_the_address(client, experts):
    page = client.get("/en/experts/ada-lovelace/")
    content = page.content.decode()
    assert page.status_code == 200
    assert ADDRESS not in content and "mailto:" not in content
    soup = BeautifulSoup(content, "html.parser")
    assert soup.h1.get_text() == "Ada Lovelace"
    facts = soup.select_one(".facts").get_text(" ")
    assert "French" in facts and "German" in facts
    assert soup.select_one(f'a[href="/en/contact-expert/{experts["ada_en"].pk}/"]')


def test_withdrawal_removes_every_language_from_every_surface_at_once(client, experts):
    contact = experts["ada"].contact
    assert client.get("/en/experts/ada-lovelace/").status_code == 200
    contact.withdraw()
    indexing.process_pending()
    assert not ExpertPage.objects.filter(live=True).exists()
    assert client.get(experts["ada"].url).status_code == 404
    assert client.get("/en/experts/ada-lovelace/").status_code == 404
    for surface, content in public_surfaces(client).items():
        assert "Ada Lovelace" not in content and "ada-lovelace" not in content, surface
    assert list(ConsentRecord.objects.filter(email=ADDRESS).values_list("action", flat=True)) == [
        "given",
        "withdrawn",
    ]
    # Publishing the old revision again cannot bring it back.
    experts["ada"].get_latest_revision().publish()
    assert not ExpertPage.objects.get(pk=experts["ada"].pk).live


def test_withdrawal_reaches_visitors_answered_from_the_page_cache(client, experts, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    cached = public_surfaces(client)  # the directories are now stored for anonymous visitors
    assert "Ada Lovelace" in cached["directory de"] and "Ada Lovelace" in cached["directory en"]
    assert client.get("/en/experts/ada-lovelace/").status_code == 200
    experts["ada"].contact.withdraw()
    indexing.process_pending()
    assert client.get("/en/experts/ada-lovelace/").status_code == 404
    for surface, content in public_surfaces(client).items():
        assert "Ada Lovelace" not in content and "ada-lovelace" not in content, surface
    cache.clear()


def test_consent_records_the_text_and_version_in_the_experts_language(experts):
    contact = experts["ada"].contact
    assert contact.consent_version == EXPERT_PROFILE.version
    assert contact.consent_text == EXPERT_PROFILE.in_language("en")
    record = ConsentRecord.objects.get(email=ADDRESS)
    assert (record.purpose, record.action, record.language) == ("expert_profile", "given", "en")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", ["Ada Lovelace", "Bo Bus"]),
        ("?theme=municipal-services", ["Ada Lovelace"]),  # a focal theme includes its topics
        ("?theme=urban-mobility", ["Ada Lovelace"]),
        ("?region=asia", ["Ada Lovelace", "Bo Bus"]),  # from the country
        ("?region=europe", ["Bo Bus"]),  # a region of experience
        ("?language=fr", ["Ada Lovelace"]),
        ("?language=es", ["Bo Bus"]),
        ("?language=de&region=europe", []),
    ],
)
def test_the_directory_filters_by_theme_region_and_language(
    client, experts, taxonomy, query, found
):
    europe = Region.objects.create(name="Europa", slug="europe", locale=taxonomy["region"].locale)
    bo = make_expert(
        ExpertIndexPage.objects.get(slug="experten"),
        taxonomy,
        make_contact("bo@example.org"),
        title="Bo Bus",
    )
    bo.regions.set([europe])
    bo.languages = ["es"]
    bo.themes.set([])
    bo.save_revision().publish()
    soup = BeautifulSoup(client.get(f"/de/experten/{query}").content, "html.parser")
    assert [h.get_text() for h in soup.select(".card__title")] == found


def test_an_unknown_filter_value_is_named_and_left_out(client, experts):
    response = client.get("/de/experten/?theme=nope&language=xx")
    assert response.status_code == 200
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice").get_text(" ")
    assert "nope" in notice and "xx" in notice
    assert "Ada Lovelace" in text(response)


def test_events_and_practices_link_the_experts_who_took_part(client, experts, sections, taxonomy):
    from pages.factories import EventPageFactory, GoodPracticePageFactory

    event = EventPageFactory(parent=sections["events"], title="Dialog Mobilität")
    practice = GoodPracticePageFactory(
        parent=sections["practices"], title="Busspuren", country=taxonomy["country"]
    )
    for page in (experts["ada"], experts["hidden"]):
        page.related_events.set([event])
        page.related_practices.set([practice])
        page.save_revision().publish()
    for url in (event.url, practice.url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        group = soup.find("section", attrs={"aria-label": "Expert*innen, die teilgenommen haben"})
        assert [a.get_text() for a in group.select(".card__title a")] == ["Ada Lovelace"]
    experts["ada"].contact.withdraw()
    assert "Ada Lovelace" not in text(client.get(event.url))


def contact_form(**extra):
    return {
        "name": "Carla Visitor",
        "email": "Carla@Example.net",
        "subject": "Bus lanes",
        "message": "Could you tell us how Karlsruhe planned its bus lanes?",
        "consent": "on",
        **extra,
    }


def test_a_message_is_relayed_by_mail_without_showing_the_address(client, experts):
    url = f"/en/contact-expert/{experts['ada_en'].pk}/"
    form = client.get(url)
    assert form.status_code == 200 and ADDRESS not in form.content.decode()
    response = client.post(url, contact_form())
    assert response.status_code == 302
    assert response["Location"] == "/en/contact-expert/sent/"
    assert ADDRESS not in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.reply_to == ["carla@example.net"]
    assert message.subject == "[Connective Cities] Message from Carla Visitor: Bus lanes"
    assert "Could you tell us how Karlsruhe planned its bus lanes?" in message.body
    # The expert can take the profile offline from every message.
    token = re.search(r"/en/expert-profile/withdraw/(\S+)/", message.body).group(1)
    assert client.get(f"/en/expert-profile/withdraw/{token}/").status_code == 200
    assert ExpertPage.objects.filter(live=True).count() == 2  # a GET withdraws nothing
    assert client.post(f"/en/expert-profile/withdraw/{token}/").status_code == 200
    assert not ExpertPage.objects.filter(live=True).exists()


def test_the_withdrawal_link_refuses_forgeries(client, experts):
    token = links.withdraw_token(experts["ada"].contact)
    assert client.post(f"/en/expert-profile/withdraw/{token[:-1]}x/").status_code == 400
    assert client.post("/en/expert-profile/withdraw/forged/").status_code == 400
    assert ExpertPage.objects.filter(live=True).count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"message": "short"}, "message"),
        ({"message": "x" * 3001}, "message"),
        ({"consent": ""}, "consent"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_fields_get_an_error_and_keep_the_input(client, experts, changes, field):
    url = f"/en/contact-expert/{experts['ada_en'].pk}/"
    response = client.post(url, contact_form(**changes))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"#form-errors a[href='#id_{field}']")
    assert soup.select_one("#id_subject")["value"] == "Bus lanes"
    assert not mail.outbox


def test_the_honeypot_sends_nothing_and_says_the_same(client, experts):
    url = f"/en/contact-expert/{experts['ada_en'].pk}/"
    response = client.post(url, contact_form(website="http://spam.example"))
    assert response["Location"] == "/en/contact-expert/sent/"
    assert not mail.outbox


def test_repeated_messages_hit_the_rate_limit(client, experts):
    url = f"/en/contact-expert/{experts['ada_en'].pk}/"
    codes = [client.post(url, contact_form()).status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_hidden_or_other_language_experts_cannot_be_contacted(client, experts):
    assert client.get(f"/en/contact-expert/{experts['hidden'].pk}/").status_code == 404
    assert (
        client.post(f"/en/contact-expert/{experts['hidden'].pk}/", contact_form()).status_code
        == 404
    )
    assert client.get(f"/en/contact-expert/{experts['ada'].pk}/").status_code == 404  # German page
    experts["ada"].contact.withdraw()
    assert (
        client.post(f"/en/contact-expert/{experts['ada_en'].pk}/", contact_form()).status_code
        == 404
    )
    assert not mail.outbox


def admin_user(name, group):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def expert_form(contact, taxonomy, slug):
    return {
        "title": "Neue Expertin",
        "slug": slug,
        "contact": contact.pk,
        "teaser": "Stadtplanerin.",
        "organisation": "Stadt Bonn",
        "city": "Bonn",
        "country": taxonomy["country"].pk,
        "themes": [taxonomy["topic"].pk],
        "languages": ["de", "en"],
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }


def test_the_admin_refuses_to_publish_without_consent_and_publishes_with_it(
    client, experts, taxonomy
):
    client.force_login(admin_user("mo", MODERATORS))
    parent = ExpertIndexPage.objects.get(slug="experten")
    url = f"/admin/pages/add/community/expertpage/{parent.pk}/"
    hidden_contact = experts["hidden"].contact
    refused = client.post(url, expert_form(hidden_contact, taxonomy, "ohne-einwilligung"))
    assert refused.status_code == 200
    assert list(refused.context["form"].errors) == ["contact"]
    assert not ExpertPage.objects.filter(slug="ohne-einwilligung").exists()
    ada_contact = experts["ada"].contact
    published = client.post(url, expert_form(ada_contact, taxonomy, "mit-einwilligung"))
    assert published.status_code == 302
    page = ExpertPage.objects.get(slug="mit-einwilligung")
    assert page.live and page.languages == ["de", "en"]
    assert list(page.themes.all()) == [taxonomy["topic"]]


def test_only_moderators_see_the_private_contacts(client, experts):
    client.force_login(admin_user("mo", MODERATORS))
    listing = client.get("/admin/expert_contacts/")
    assert listing.status_code == 200 and "Ada Lovelace" in listing.content.decode()
    client.force_login(admin_user("ed", EDITORS))
    assert client.get("/admin/expert_contacts/").status_code == 302


def test_personal_data_export_and_erase_cover_experts(experts):
    data = personal_data.export(ADDRESS)
    assert data["expert"]["name"] == "Ada Lovelace"
    assert data["expert"]["consent_version"] == EXPERT_PROFILE.version
    assert [p["language"] for p in data["expert"]["profiles"]] == ["de", "en"]
    json.dumps(data)
    assert personal_data.erase(ADDRESS) == {
        "expert profiles": 2,
        "expert contacts": 1,
        "consent records": 1,
    }
    assert not ExpertPage.objects.filter(title="Ada Lovelace").exists()
    assert not ExpertContact.objects.filter(email=ADDRESS).exists()
    out = io.StringIO()
    call_command("community_personal_data", "export", ADDRESS, stdout=out)
    assert json.loads(out.getvalue())["expert"] is None  # erased: nothing left to export


def test_search_facets_of_an_expert(experts, taxonomy):
    assert experts["ada"].search_facets() == {
        "theme": ["urban-mobility"],
        "region": ["asia"],
        "country": ["th"],
    }
    assert Theme.objects.filter(slug="urban-mobility").exists()


def test_erasing_an_expert_erases_the_texts_wagtail_localize_keeps(experts):
    """Deleting a page keeps its wagtail-localize data (WAGTAILLOCALIZE_DISABLE_ON_DELETE); an
    erasure removes it: sources, segments, translations and the strings nothing else uses."""
    from wagtail.models import Locale
    from wagtail_localize.models import (
        String,
        StringTranslation,
        TranslatableObject,
        Translation,
        TranslationSource,
    )

    hidden, ada = experts["hidden"], experts["ada"]
    english = Locale.objects.get(language_code="en")
    TranslationSource.update_or_create_from_instance(ada)  # shares the biography's string
    source, _ = TranslationSource.update_or_create_from_instance(hidden)
    translation = Translation.objects.create(source=source, target_locale=english)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            data=f"EN {segment.string.data}",
        )
    translation.save_target(publish=False)
    assert String.objects.filter(data="Grace Hidden").exists()

    assert personal_data.erase("no.consent@example.org") == {
        "expert profiles": 2,
        "expert contacts": 1,
    }
    assert not TranslatableObject.objects.filter(translation_key=hidden.translation_key).exists()
    assert not String.objects.filter(data="Grace Hidden").exists()
    assert not StringTranslation.objects.filter(data__startswith="EN ").exists()
    # Ada's profile still uses the same biography: its string stays.
    assert String.objects.filter(data=ada.teaser).exists()
    assert TranslationSource.objects.filter(object_id=ada.translation_key).exists()
