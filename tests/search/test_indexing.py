"""Keeping the index in step: every change that alters what a search may show queues its items,
and once the transaction commits, the task (django-tasks, ImmediateBackend in tests) updates the
index from the database. A backend that fails keeps its updates queued until it takes them.

pytest-django runs each test in a transaction that never commits, so on-commit callbacks run
only inside `django_capture_on_commit_callbacks(execute=True)` (`committed()` below).
"""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages import factories
from pages.models import GoodPracticeIndexPage, Region, Theme
from search import indexing
from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.contract import SearchQuery
from search.models import IndexEntry, PendingUpdate
from search.registry import facet_definitions
from tests import helpers

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_only")]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the commit (the indexing task) at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def english(home_en, sections, locales):
    _de, en = locales
    return {
        key: helpers.translate_page(section, en, title=f"{section.title} (en)", slug=f"{key}-en")
        for key, section in sections.items()
    }


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def new_practice(sections, taxonomy, committed, **fields):
    """A practice published through Wagtail (as an editor would), and indexed."""
    fields = {"country": taxonomy["country"], "themes": [taxonomy["topic"]], **fields}
    draft = factories.GoodPracticePageFactory(parent=sections["practices"], live=False, **fields)
    with committed():
        page = publish(draft)
    assert indexed(page)
    return page


def indexed(page):
    return IndexEntry.objects.filter(page_id=page.pk).exists()


def shown_in(page):
    entry = IndexEntry.objects.filter(page_id=page.pk).first()
    return set(entry.shown_in) if entry else set()


def facets(page):
    return IndexEntry.objects.get(page_id=page.pk).facets


def queued(page=None):
    """Updates not applied yet (applied ones are kept a while; see search.indexing)."""
    rows = PendingUpdate.objects.filter(applied_at__isnull=True)
    return rows.filter(translation_key=page.translation_key) if page else rows


def found(language, **filters):
    query = SearchQuery.build(language, filters=filters, page_size=100)
    return [hit.page_id for hit in DatabaseBackend().search(query, facet_definitions()).hits]


def test_publishing_indexes_a_page_after_the_commit(
    sections, taxonomy, django_capture_on_commit_callbacks
):
    draft = factories.GoodPracticePageFactory(
        parent=sections["practices"], live=False, title="Neuer Entwurf"
    )
    draft.save_revision()
    assert not indexed(draft)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = publish(draft)
        # Queued in the transaction, but nothing written to the index before the commit.
        assert queued(page).exists()
        assert not indexed(page)
    assert callbacks
    assert indexed(page)
    assert IndexEntry.objects.get(page_id=page.pk).title == "Neuer Entwurf"
    assert found("de") == [page.pk]
    assert not queued().exists()
    assert PendingUpdate.objects.get(translation_key=page.translation_key).applied_at


def test_republishing_updates_the_text(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed, title="Alter Titel")
    page.title = "Neuer Titel"
    page.save_revision()  # a draft changes nothing
    assert IndexEntry.objects.get(page_id=page.pk).title == "Alter Titel"
    with committed():
        page.save_revision().publish()
    assert IndexEntry.objects.get(page_id=page.pk).title == "Neuer Titel"


def test_unpublishing_removes_the_page(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed)
    with committed():
        page.unpublish()
    assert not indexed(page)
    assert found("de") == []


def test_deleting_removes_the_page(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed)
    other = new_practice(sections, taxonomy, committed)
    with committed():
        page.delete()
    assert set(found("de")) == {other.pk}
    assert not queued().exists()


def test_deleting_a_translation_lets_the_source_stand_in_again(
    english, sections, taxonomy, locales, committed
):
    _de, en = locales
    page = new_practice(sections, taxonomy, committed)
    with committed():
        translation = helpers.translate_page(page, en, title="English")
    assert found("en") == [translation.pk]
    with committed():
        translation.delete()
    assert found("en") == [page.pk]
    assert shown_in(page) == {"de", "en"}


def test_moving_under_a_private_parent_removes_the_page_and_back_restores_it(
    home, sections, taxonomy, committed
):
    page = new_practice(sections, taxonomy, committed)
    internal = home.add_child(
        instance=GoodPracticeIndexPage(title="Intern", slug="intern", locale=home.locale)
    )
    with committed():
        PageViewRestriction.objects.create(
            page=internal, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    with committed():
        page.move(internal, pos="last-child")
    assert not indexed(page)
    with committed():
        page.refresh_from_db()
        page.move(GoodPracticeIndexPage.objects.get(pk=sections["practices"].pk), "last-child")
    assert indexed(page)
    assert IndexEntry.objects.get(page_id=page.pk).url.startswith(sections["practices"].url)


def test_a_view_restriction_removes_the_pages_below_until_it_is_lifted(
    english, sections, taxonomy, locales, committed
):
    _de, en = locales
    page = new_practice(sections, taxonomy, committed)
    with committed():
        translation = helpers.translate_page(page, en, title="English")
    other = factories.NewsPageFactory(parent=sections["news"], live=False)
    with committed():
        other = publish(other)
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=sections["practices"], restriction_type=PageViewRestriction.LOGIN
        )
    assert not indexed(page)
    # The English section is not restricted: its page now stands in for the German one.
    assert shown_in(translation) == {"en", "de"}
    assert set(found("de")) == {other.pk, translation.pk}
    with committed():
        restriction.delete()
    assert indexed(page)
    assert shown_in(translation) == {"en"}
    assert set(found("de")) == {page.pk, other.pk}


def test_a_restriction_on_the_page_itself(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed)
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert not indexed(page)
    with committed():
        restriction.delete()
    assert indexed(page)


def test_a_published_translation_replaces_the_fallback(
    english, sections, taxonomy, locales, committed
):
    _de, en = locales
    page = new_practice(sections, taxonomy, committed, title="Nur Deutsch")
    query = SearchQuery.build("en")
    (hit,) = DatabaseBackend().search(query, facet_definitions()).hits
    assert (hit.page_id, hit.language) == (page.pk, "de")
    assert shown_in(page) == {"de", "en"}
    draft = page.copy_for_translation(en)
    with committed():
        draft.save_revision()  # an unpublished translation changes nothing
    assert found("en") == [page.pk]
    with committed():
        draft.title = "English now"
        draft.save_revision().publish()
    (hit,) = DatabaseBackend().search(query, facet_definitions()).hits
    assert (hit.page_id, hit.language, hit.title) == (draft.pk, "en", "English now")
    assert shown_in(page) == {"de"}
    assert found("de") == [page.pk]


def test_a_slug_change_updates_the_urls_below(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed)
    section = sections["practices"]
    with committed():
        section.slug = "praxisbeispiele"
        section.save_revision().publish()
    assert "/praxisbeispiele/" in IndexEntry.objects.get(page_id=page.pk).url


def test_moving_a_country_to_another_region_updates_the_region_facet(sections, taxonomy, committed):
    page = new_practice(sections, taxonomy, committed)
    assert facets(page)["region"] == ["asia"]
    europe = Region.objects.create(name="Europa", slug="europe", locale=taxonomy["region"].locale)
    country = taxonomy["country"]
    with committed():
        country.region = europe
        country.save()
    assert facets(page)["region"] == ["europe"]
    assert found("de", region=["europe"]) == [page.pk]
    assert found("de", region=["asia"]) == []


def test_moving_a_topic_to_another_focal_theme_updates_the_theme_facet(
    sections, taxonomy, committed
):
    page = new_practice(sections, taxonomy, committed)
    assert facets(page)["theme"] == ["municipal-services", "urban-mobility"]
    climate = Theme.objects.create(
        name="Klimaanpassung", slug="climate-adaptation", locale=taxonomy["topic"].locale
    )
    topic = taxonomy["topic"]
    with committed():
        topic.parent = climate
        topic.save()
    assert facets(page)["theme"] == ["climate-adaptation", "urban-mobility"]
    assert found("de", theme=["climate-adaptation"]) == [page.pk]
    assert found("de", theme=["municipal-services"]) == []


def test_themes_changed_and_republished_are_indexed_with_their_new_values(
    sections, taxonomy, committed
):
    """ParentalManyToMany values are saved after post_save: the index must have the new ones."""
    page = new_practice(sections, taxonomy, committed)
    climate = Theme.objects.create(
        name="Klimaanpassung", slug="climate-adaptation", locale=taxonomy["topic"].locale
    )
    flood = Theme.objects.create(
        name="Hochwasserschutz", slug="flood-protection", parent=climate, locale=climate.locale
    )
    with committed():
        page.themes = [flood]
        page.save_revision().publish()
    assert facets(page)["theme"] == ["climate-adaptation", "flood-protection"]
    assert found("de", theme=["urban-mobility"]) == []
    assert found("de", theme=["climate-adaptation"]) == [page.pk]


def test_a_failing_backend_keeps_the_update_queued_until_it_works(
    sections, taxonomy, committed, monkeypatch
):
    def broken(self, documents):
        raise RuntimeError("index on fire")

    monkeypatch.setattr(DatabaseBackend, "replace_items", broken)
    PendingUpdate.objects.all().delete()  # what building the site queued
    draft = factories.GoodPracticePageFactory(parent=sections["practices"], live=False)
    with committed():
        page = publish(draft)
    assert page.live, "publishing succeeds whatever the index does"
    assert not indexed(page)
    row = PendingUpdate.objects.get(translation_key=page.translation_key)
    assert (row.backend, row.attempts) == ("database", 1)
    assert row.last_error == "RuntimeError: index on fire"
    # A task run right after the failure leaves it alone (it waits RETRY_AFTER) ...
    assert indexing.process_pending() == {"done": 0, "failed": 0}
    # ... a forced retry (manage.py search_update) tries again.
    assert indexing.process_pending(retry_now=True) == {"done": 0, "failed": 1}
    assert PendingUpdate.objects.get(pk=row.pk).attempts == 2

    monkeypatch.undo()
    # Once its delay has passed, the next task run takes it up.
    PendingUpdate.objects.filter(pk=row.pk).update(
        failed_at=timezone.now() - indexing.RETRY_AFTER_MAX
    )
    assert indexing.process_pending() == {"done": 1, "failed": 0}
    assert indexed(page)
    assert not queued().exists()
    applied = PendingUpdate.objects.get(pk=row.pk)
    assert (applied.attempts, applied.last_error) == (0, "")


def test_an_unavailable_backend_is_retried_by_the_update_command(
    sections, taxonomy, committed, monkeypatch
):
    def down(self, documents):
        raise SearchUnavailable("connection refused")

    monkeypatch.setattr(DatabaseBackend, "replace_items", down)
    PendingUpdate.objects.all().delete()  # what building the site queued
    drafts = [
        factories.GoodPracticePageFactory(parent=sections["practices"], live=False)
        for _ in range(3)
    ]
    with committed():
        pages = [publish(draft) for draft in drafts]
    rows = PendingUpdate.objects.all()
    assert len(rows) == 3
    assert {r.last_error for r in rows} == {"SearchUnavailable: connection refused"}
    # Each publish enqueued a task run, but only the first waited on the server: the others
    # left the rows alone until their retry delay has passed.
    assert {r.attempts for r in rows} == {1}

    monkeypatch.undo()
    out = io.StringIO()
    call_command("search_update", stdout=out)
    assert "Applied 3 updates, 0 failed; 0 still queued." in out.getvalue()
    assert all(indexed(page) for page in pages)
    assert not queued().exists()


def test_publishing_works_with_elasticsearch_unreachable(
    sections, taxonomy, committed, monkeypatch
):
    from search.backends.elasticsearch import ElasticsearchBackend

    unreachable = ElasticsearchBackend.connect("http://127.0.0.1:9", prefix="test-unreachable")
    monkeypatch.setattr(indexing, "get_backends", lambda: (DatabaseBackend(), unreachable))
    PendingUpdate.objects.all().delete()  # what building the site queued
    draft = factories.GoodPracticePageFactory(parent=sections["practices"], live=False)
    with committed():
        page = publish(draft)
    assert page.live
    # The database index took the update; Elasticsearch's stays queued with its error.
    assert indexed(page)
    row = queued().get()
    assert (row.backend, str(row.translation_key), row.attempts) == (
        "elasticsearch",
        str(page.translation_key),
        1,
    )
    assert row.last_error.startswith("SearchUnavailable")
    assert indexing.process_pending(retry_now=True) == {"done": 0, "failed": 1}
    assert queued().get().attempts == 2


def test_an_update_queued_again_while_running_stays_queued(sections, taxonomy, monkeypatch):
    page = factories.GoodPracticePageFactory(parent=sections["practices"])
    PendingUpdate.objects.all().delete()  # what building the site queued
    indexing.schedule([page.translation_key])
    original = DatabaseBackend.replace_items

    def requeue_meanwhile(self, documents):
        original(self, documents)
        # An editor publishes again while the task runs: that update must not be lost.
        PendingUpdate.objects.filter(translation_key=page.translation_key).update(
            requested_at=timezone.now()
        )

    monkeypatch.setattr(DatabaseBackend, "replace_items", requeue_meanwhile)
    assert indexing.process_pending() == {"done": 1, "failed": 0}
    assert indexed(page)
    assert queued(page).exists()


@pytest.mark.parametrize("runs", [1, 2])
def test_each_change_is_wired_to_its_handler_once_and_nothing_else(runs):
    """What search.signals.connect() (run from SearchConfig.ready(), perhaps twice) wires: the
    handlers above rely on exactly these signals and senders."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    from pages.models import GoodPracticePage, StandardPage
    from search import signals

    for _ in range(runs):
        signals.connect()

    def wired(signal, sender):
        receivers, _async_receivers = signal._live_receivers(sender)
        return [r.__name__ for r in receivers if getattr(r, "__module__", "") == signals.__name__]

    assert wired(page_published, GoodPracticePage) == ["page_changed"]
    assert wired(page_unpublished, StandardPage) == ["page_changed"]
    assert wired(post_page_move, Page) == ["page_moved"]
    assert wired(page_slug_changed, StandardPage) == ["slug_changed"]
    assert wired(post_save, PageViewRestriction) == ["restriction_changed"]
    assert wired(post_delete, PageViewRestriction) == ["restriction_changed"]
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    assert {model: wired(post_delete, model) for model in page_models} == {
        model: ["page_deleted"] for model in page_models
    }
    # Saving a page is no change for search until it is published; terms are pages' business.
    for sender in (GoodPracticePage, Page, Theme, Region, get_user_model()):
        assert wired(post_save, sender) == []
    for sender in (Theme, Region, get_user_model()):
        assert wired(post_delete, sender) == []
