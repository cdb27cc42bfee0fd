"""The community's channels in the demo content: the directory of experts in both languages
with its invented, consenting examples, an expert without consent who shows nowhere, proposed
practices waiting in moderation, and past newsletter issues, all reachable from the home pages.

The demo content is seeded once for this module, inside a transaction rolled back at its end.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Revision

from community.consent import EXPERT_PROFILE, PROPOSAL_CONTACT, PROPOSAL_PUBLICATION
from community.models import (
    ConsentRecord,
    ExpertContact,
    ExpertIndexPage,
    ExpertPage,
    PracticeProposal,
)
from demo.community import EXPERT_CONTACTS, PROPOSALS
from demo.seed import DemoSeeder
from localization.roles.groups import WORKFLOW_NAME
from pages.models import GoodPracticeIndexPage, GoodPracticePage, NewsCategory, NewsPage
from search import indexing
from tests import helpers

# Seeded and run on helpers.NOW, so a moved system clock changes nothing: not in make test-clock.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(helpers.NOW), pytest.mark.undated]

CONSENTING = [name for _key, name, _email, _language, consents in EXPERT_CONTACTS if consents]
HIDDEN_EMAIL = "paul.platzhalter@example.org"


@pytest.fixture(scope="module")
def seeded(demo_content, django_db_blocker):
    # The search index follows on commit, which never comes inside the seeding transaction.
    with django_db_blocker.unblock():
        indexing.process_pending()
    return demo_content


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [title.get_text(strip=True) for title in soup(response).select(".card__title")]


def test_the_directory_lists_the_consenting_examples_in_both_languages(client, seeded):
    directories = ExpertIndexPage.objects.live()
    assert sorted(page.url for page in directories) == ["/de/experten/", "/en/experts/"]
    german = card_titles(client, "/de/experten/")
    english = card_titles(client, "/en/experts/")
    assert len(german) == len(english) == len(CONSENTING) == 3
    assert all(title.endswith("(Beispiel)") for title in german), german
    assert all(title.endswith("(example)") for title in english), english
    # Every profile answers in both languages, and its filters find it.
    for page in ExpertPage.objects.live():
        assert client.get(page.url).status_code == 200, page
    assert card_titles(client, "/en/experts/?theme=flood-management") == [
        "Max Mustermann (example)"
    ]
    assert card_titles(client, "/de/experten/?language=pt") == ["Lina Exemplo (Beispiel)"]
    assert card_titles(client, "/en/experts/?region=middle-east-north-africa") == [
        "Erika Mustermann (example)"
    ]


@pytest.mark.parametrize(
    ("language", "directory"), [("de", "/de/experten/"), ("en", "/en/experts/")]
)
def test_the_home_page_links_the_directory_newsletter_and_practices(
    client, seeded, language, directory
):
    home = soup(client.get(f"/{language}/"))
    links = {a["href"] for a in home.find_all("a", href=True)}
    assert directory in links
    assert f"/{language}/newsletter/" in links
    latest = NewsPage.objects.live().get(
        locale__language_code=language, slug="newsletter-85", category=NewsCategory.NEWSLETTER
    )
    assert latest.url in links  # the newsletter box's latest issue
    index = GoodPracticeIndexPage.objects.get(locale__language_code=language)
    practices = soup(client.get(index.url))
    proposal_link = practices.select_one(".propose-practice a")["href"]
    assert proposal_link == f"/{language}/propose-a-practice/"
    assert client.get(proposal_link).status_code == 200


def test_consent_is_recorded_for_the_examples_and_missing_for_the_hidden_expert(seeded):
    for _key, name, email, language, consents in EXPERT_CONTACTS:
        contact = ExpertContact.objects.get(email=email)
        assert contact.name == name
        assert name.endswith(("(Beispiel)", "(example)"))
        records = ConsentRecord.objects.filter(email=email, purpose=EXPERT_PROFILE.purpose)
        if consents:
            assert contact.consents
            assert contact.consent_text == EXPERT_PROFILE.in_language(language)
            assert contact.consent_version == EXPERT_PROFILE.version
            assert list(records.values_list("action", "language")) == [("given", language)]
        else:
            assert not contact.consents and not records.exists()
            profiles = ExpertPage.objects.filter(contact=contact)
            assert {p.locale.language_code for p in profiles} == {"de", "en"}
            assert not any(p.live for p in profiles)


# Everything visitors and machines can read where an expert could appear.
SURFACES = [
    "/de/experten/",
    "/en/experts/",
    "/de/search/?type=expert",
    "/en/search/?q=Platzhausen",
    "/de/search/?q=Paul",
    "/de/search/?q=Beispielstadt",
    "/api/search/?lang=de&type=expert",
    "/api/search/?lang=en&q=Platzhausen",
    "/api/search/suggest/?lang=de&q=Platzhau",
    "/api/search/suggest/?lang=en&q=Paul",
    "/api/v2/pages/?type=community.ExpertPage&fields=*",
    "/api/v2/pages/?type=community.ExpertPage&locale=en",
    "/api/v2/pages/?search=Platzhausen",
    "/api/v2/pages/?limit=20&order=-id",
    "/sitemap.xml",
    "/de/feeds/news.rss",
    "/en/feeds/practices.atom",
    "/de/open-data/practices.csv",
    "/en/open-data/practices.json",
]


def test_the_expert_without_consent_is_on_no_public_surface(client, seeded):
    contact = ExpertContact.objects.get(email=HIDDEN_EMAIL)
    hidden = list(ExpertPage.objects.filter(contact=contact))
    assert len(hidden) == 2
    # The profile's own addresses, in the API and the contact form answer 404.
    for page in hidden:
        language = page.locale.language_code
        for url in (
            f"{page.get_parent().url}{page.slug}/",
            f"/api/v2/pages/{page.pk}/",
            f"/{language}/contact-expert/{page.pk}/",
        ):
            assert client.get(url).status_code == 404, url
    shown = []
    for url in SURFACES:
        response = client.get(url)
        content = response.getvalue().decode()  # the open data downloads stream
        assert response.status_code == 200, url
        assert "Platzhalter" not in content and "platzhalter" not in content, url
        assert "@example.org" not in content, url  # no address of any example
        if "Mustermann" in content or "mustermann" in content:
            shown.append(url)
    # The consenting examples are there, so these surfaces do list experts.
    assert {
        "/de/experten/",
        "/de/search/?q=Beispielstadt",
        "/api/search/?lang=de&type=expert",
        "/sitemap.xml",
    } <= set(shown)


def test_the_proposed_practices_wait_in_moderation(seeded):
    assert PracticeProposal.objects.count() == len(PROPOSALS) == 2
    for data in PROPOSALS:
        proposal = PracticeProposal.objects.get(email=data["email"])
        assert proposal.title == data["title"] and proposal.draft_error == ""
        page = GoodPracticePage.objects.get(pk=proposal.page_id)
        assert page.locale.language_code == data["language"]
        assert page.title == data["title"] and not page.live
        assert page.country.locale_id == page.locale_id
        assert {t.slug for t in page.themes.all()} == set(data["themes"])
        state = page.current_workflow_state
        assert state is not None and state.status == "in_progress"
        assert state.workflow.name == WORKFLOW_NAME
        assert state.current_task_state.task.name == WORKFLOW_NAME
        purposes = ConsentRecord.objects.filter(email=data["email"]).values_list(
            "purpose", flat=True
        )
        assert sorted(purposes) == sorted([PROPOSAL_PUBLICATION.purpose, PROPOSAL_CONTACT.purpose])
    # Invented submitters get no mail, and there were no moderators to notify yet.
    assert seeded.mail == []


def test_past_newsletter_issues_are_pages_listed_on_the_sign_up_page(client, seeded):
    for language in ("de", "en"):
        issues = NewsPage.objects.live().filter(
            locale__language_code=language, category=NewsCategory.NEWSLETTER
        )
        assert issues.count() >= 3
        listed = soup(client.get(f"/{language}/newsletter/")).select(".community-aside a")
        assert [a["href"] for a in listed] == [
            issue.url for issue in issues.order_by("-date", "-pk")
        ]
        for issue in issues:
            page = soup(client.get(issue.url))
            assert page.select_one(f'a.button[href="/{language}/newsletter/"]'), issue
        examples = [issue.title for issue in issues if issue.slug != "newsletter-85"]
        mark = "(Beispiel)" if language == "de" else "(example)"
        assert examples and all(title.endswith(mark) for title in examples)


def test_a_second_run_keeps_a_withdrawn_consent_and_changes_nothing_else(client, seeded):
    erika = ExpertContact.objects.get(email="erika.mustermann@example.org")
    erika.withdraw()
    counts = {
        model: model.objects.count()
        for model in (ExpertContact, ExpertPage, ConsentRecord, PracticeProposal, Revision)
    }
    drafts = set(ExpertPage.objects.filter(live=False).values_list("pk", flat=True))
    report = DemoSeeder(today=timezone.localdate()).run()

    assert not ExpertContact.objects.get(pk=erika.pk).consents
    assert set(ExpertPage.objects.filter(live=False).values_list("pk", flat=True)) == drafts
    assert counts == {model: model.objects.count() for model in counts}
    for label in ("expert contacts", "pages", "pages (en)", "proposals"):
        tally = report.tallies[label]
        assert (tally.created, tally.updated) == (0, 0), label
    indexing.process_pending()
    assert "Erika" not in " ".join(card_titles(client, "/de/experten/"))
    assert not re.search("erika", client.get("/sitemap.xml").content.decode())
