"""Roles: what editors, moderators and translators may do, tried with raw admin requests.

A translator of English edits the English tree and translates into English. Everything else is
refused by the server (not only hidden in the UI) and leaves the database as it was.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db.models import F
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from localization.roles.groups import (
    EDITORS,
    MODERATORS,
    WORKFLOW_NAME,
    ensure_roles,
    translator_group_name,
    translator_languages,
)
from pages.factories import StandardPageFactory, ThemeFactory
from pages.models import StandardPage, Theme

PASSWORD = "a-password-for-tests"


@pytest.fixture(autouse=True)
def english_admin():
    with django_translation.override("en"):
        yield


@pytest.fixture
def site_tree(home, locales):
    """German home with a live page; its English translation (live home, draft page)."""
    _de, en = locales
    page_de = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    page_de.save_revision().publish()
    translate_object(home, [en])
    home_en = home.get_translation(en)
    home_en.specific.get_latest_revision().publish()
    translate_object(page_de, [en])
    page_en = page_de.get_translation(en)
    ensure_roles()
    return {
        "home_de": Page.objects.get(pk=home.pk).specific,
        "home_en": Page.objects.get(pk=home_en.pk).specific,
        "page_de": Page.objects.get(pk=page_de.pk).specific,
        "page_en": Page.objects.get(pk=page_en.pk).specific,
    }


def make_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def translator(db, django_user_model, site_tree):
    return make_user(django_user_model, "tara", translator_group_name("en"))


@pytest.fixture
def editor(db, django_user_model, site_tree):
    return make_user(django_user_model, "emil", EDITORS)


@pytest.fixture
def moderator(db, django_user_model, site_tree):
    return make_user(django_user_model, "mona", MODERATORS)


@pytest.fixture
def as_translator(client, translator):
    client.force_login(translator)
    return client


def snapshot():
    """Everything a refused request must leave alone."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "pk", "path", "title", "slug", "live", "has_unpublished_changes", "locale_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "workflows": sorted(WorkflowState.objects.values_list("pk", "status")),
        "users": sorted(
            get_user_model().objects.values_list("pk", "username", "is_superuser", "is_staff")
        ),
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "group_perms": sorted(
            (group.pk, perm)
            for group in Group.objects.all()
            for perm in group.permissions.values_list("pk", flat=True)
        ),
        "page_perms": sorted(GroupPagePermission.objects.values_list("pk", "page_id")),
        "sites": sorted(Site.objects.values_list("pk", "hostname", "root_page_id")),
        "locales": sorted(Locale.objects.values_list("pk", "language_code")),
        "restrictions": PageViewRestriction.objects.count(),
        "translations": sorted(Translation.objects.values_list("pk", "enabled")),
        "strings": sorted(StringTranslation.objects.values_list("pk", "data")),
        "themes": sorted(Theme.objects.values_list("pk", "name", "locale_id")),
    }


def page_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "teaser": "Kurz",
            "hero_alt_text": "",
            "hero_caption": "",
            "body": streamfield([]),
            "partners": [],
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_the_migration_made_the_groups(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators (English)", "Translators (German)"} <= names
    ensure_roles()
    assert ensure_roles() is False  # idempotent: nothing left to add
    workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert workflow.active and workflow.name == "Moderators approval"
    translators = Group.objects.get(name="Translators (English)")
    codenames = set(translators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_theme", "choose_image"} <= codenames
    assert not codenames & {"add_theme", "delete_theme", "publish_page", "add_user", "change_site"}


def test_translator_page_permissions_are_edit_only_on_their_tree(site_tree, translator):
    assert translator_languages(translator) == {"en"}
    en_perms = site_tree["page_en"].permissions_for_user(translator)
    assert en_perms.can_edit()
    assert not en_perms.can_publish()
    assert not en_perms.can_delete()
    assert not en_perms.can_move()
    assert not en_perms.can_unpublish()
    assert not site_tree["home_en"].permissions_for_user(translator).can_add_subpage()
    de_perms = site_tree["page_de"].permissions_for_user(translator)
    assert not de_perms.can_edit()
    assert not de_perms.can_publish()
    assert not de_perms.can_delete()


def test_editors_delete_drafts_moderators_and_admins_live_pages_too_nobody_the_root(
    site_tree, editor, moderator, django_user_model
):
    admin = django_user_model.objects.create_superuser(
        username="ada", email="ada@example.org", password=PASSWORD
    )
    root = Page.objects.get(depth=1)
    # The English draft, the live German page (deleting it needs "publish"), the tree's root.
    pages = [site_tree["page_en"], site_tree["page_de"], root]
    assert {
        user.username: [page.permissions_for_user(user).can_delete() for page in pages]
        for user in (editor, moderator, admin)
    } == {"emil": [True, False, False], "mona": [True, True, False], "ada": [True, True, False]}


# Every action outside the translator's role, as a raw request: (name, request builder,
# expected status). Wagtail's admin turns every PermissionDenied (raised by its views,
# wagtail-localize's and ours) into a redirect to the dashboard with the message "Sorry, you do
# not have permission to access this area." (wagtail.admin.auth.permission_denied); JSON API
# views answer 403.
def _post(url, data=None):
    return lambda client: client.post(url, data or {})


def denied_requests(tree):
    page_de, page_en, home_en = tree["page_de"], tree["page_en"], tree["home_en"]
    theme_de = ThemeFactory(name="Wohnen", slug="housing")
    group = Group.objects.get(name=translator_group_name("en"))
    site = Site.objects.get(is_default_site=True)
    locale = Locale.objects.get(language_code="en")
    source_id = Translation.objects.get(
        target_locale=locale, source__object_id=page_de.translation_key
    ).source_id
    return [
        (
            "publish the German source",
            _post(
                reverse("wagtailadmin_pages:edit", args=[page_de.pk]),
                page_form("Gekapert", "ueber-uns", **{"action-publish": "publish"}),
            ),
            302,
        ),
        (
            "publish the English translation",
            _post(reverse("wagtailadmin_pages:edit", args=[page_en.pk]), {"action": "publish"}),
            302,
        ),
        (
            "publish by syncing",
            _post(
                reverse("wagtail_localize:update_translations", args=[source_id]),
                {"publish_translations": "on"},
            ),
            302,
        ),
        ("delete the source", _post(reverse("wagtailadmin_pages:delete", args=[page_de.pk])), 302),
        (
            "delete the draft translation",
            _post(reverse("wagtailadmin_pages:delete", args=[page_en.pk])),
            302,
        ),
        (
            "bulk delete",
            _post(
                reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
                + f"?id={page_en.pk}&id={page_de.pk}"
            ),
            "skipped",  # the bulk action leaves out pages the user may not delete
        ),
        (
            "move",
            _post(reverse("wagtailadmin_pages:move_confirm", args=[page_en.pk, home_en.pk])),
            302,
        ),
        (
            "add a page",
            _post(
                reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home_en.pk]),
                page_form("Neu", "neu", **{"action-publish": "publish"}),
            ),
            302,
        ),
        ("unpublish", _post(reverse("wagtailadmin_pages:unpublish", args=[home_en.pk])), 302),
        (
            "convert the translation back to an alias (discarding it)",
            _post(reverse("wagtail_localize:convert_to_alias", args=[page_en.pk])),
            302,
        ),
        (
            "make a page public or private",
            _post(
                reverse("wagtailadmin_pages:set_privacy", args=[page_en.pk]),
                {"restriction_type": "password", "password": "x"},
            ),
            302,
        ),
        (
            "add a user",
            _post(
                reverse("wagtailusers_users:add"),
                {
                    "username": "mallory",
                    "email": "m@example.org",
                    "first_name": "M",
                    "last_name": "M",
                    "password1": "Secr3t-pass-phrase",
                    "password2": "Secr3t-pass-phrase",
                    "is_superuser": "on",
                },
            ),
            302,
        ),
        (
            "edit their own group",
            _post(reverse("wagtailusers_groups:edit", args=[group.pk]), {"name": "Admins"}),
            302,
        ),
        (
            "edit the site",
            _post(
                reverse("wagtailsites:edit", args=[site.pk]),
                {"hostname": "evil.example", "port": 80, "root_page": page_en.pk},
            ),
            302,
        ),
        (
            "delete a locale",
            _post(reverse("wagtaillocales:delete", args=[locale.pk])),
            302,
        ),
        (
            "edit a German taxonomy term",
            _post(
                reverse("wagtailsnippets_pages_theme:edit", args=[theme_de.pk]),
                {"name": "Gekapert", "slug": "housing", "sort_order": 0},
            ),
            302,
        ),
    ]


def test_translator_is_refused_everything_outside_the_role(site_tree, as_translator):
    for label, send, expected in denied_requests(site_tree):
        before = snapshot()
        response = send(as_translator)
        assert response.status_code == (302 if expected == "skipped" else expected), label
        if expected == 302:  # Wagtail's permission_denied(): back to the dashboard, with a message
            assert response.url == reverse("wagtailadmin_home"), label
            message = list(get_messages(response.wsgi_request))[-1]
            with django_translation.override("de"):  # the admin speaks the user's language
                expected_message = django_translation.gettext(
                    "Sorry, you do not have permission to access this area."
                )
            assert str(message).strip() == expected_message, label
        assert snapshot() == before, label


def test_translator_cannot_translate_into_another_language(site_tree, as_translator, locales):
    de, en = locales
    english_only = StandardPageFactory(parent=site_tree["home_en"], locale=en, title="Only EN")
    before = snapshot()
    response = as_translator.post(
        reverse("wagtail_localize:submit_page_translation", args=[english_only.pk]),
        {"locales": [de.pk]},
    )
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["locales"]
    assert snapshot() == before


def test_translator_translates_submits_and_moderator_publishes(
    site_tree, as_translator, translator, client, moderator, locales
):
    _de, en = locales
    page_de = site_tree["page_de"]
    page_en = site_tree["page_en"]
    translation = Translation.objects.get(
        source__object_id=page_de.translation_key, target_locale=en
    )
    # The translation was created as a draft: the German text is not published in English.
    assert not page_en.live

    # The translator opens the translation editor...
    response = as_translator.get(reverse("wagtailadmin_pages:edit", args=[page_en.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    # ... translates every segment ...
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = as_translator.put(
            url, f"value=EN+{segment.pk}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 201, response.content
    assert StringTranslation.objects.filter(locale=en).count() >= 3

    # ... and submits it for moderation: a new draft revision, in the workflow, not live.
    response = as_translator.post(
        reverse("wagtailadmin_pages:edit", args=[page_en.pk]), {"action-submit": "submit"}
    )
    assert response.status_code == 302
    page_en = StandardPage.objects.get(pk=page_en.pk)
    assert not page_en.live
    state = page_en.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = page_en.get_latest_revision_as_object()
    assert draft.title.startswith("EN ")

    # The moderator approves: the translation is published.
    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page_en.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page_en = StandardPage.objects.get(pk=page_en.pk)
    assert page_en.live
    assert page_en.title.startswith("EN ")


def test_translator_edits_snippets_of_their_language_only(site_tree, as_translator, locales):
    _de, en = locales
    theme_de = ThemeFactory(name="Wohnen", slug="housing")
    translate_object(theme_de, [en])
    theme_en = theme_de.get_translation(en)
    url = reverse("wagtailsnippets_pages_theme:edit", args=[theme_en.pk])
    assert as_translator.get(url).status_code == 200
    response = as_translator.get(reverse("wagtailsnippets_pages_theme:edit", args=[theme_de.pk]))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_editor_creates_and_moderator_publishes(site_tree, client, editor, moderator):
    home_de = site_tree["home_de"]
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home_de.pk]),
        page_form("Partner", "partner", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = StandardPage.objects.get(slug="partner")
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # The editor cannot publish it directly.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form("Partner", "partner", **{"action-publish": "publish"}),
    )
    page = StandardPage.objects.get(pk=page.pk)
    assert not page.live

    client.force_login(moderator)
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert StandardPage.objects.get(pk=page.pk).live


def test_editor_may_sync_but_moderator_may_sync_and_publish(
    site_tree, client, editor, moderator, locales
):
    _de, en = locales
    page_de = site_tree["page_de"]
    source_id = Translation.objects.get(
        source__object_id=page_de.translation_key, target_locale=en
    ).source_id
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    client.force_login(editor)
    denied = client.post(url, {"publish_translations": "on"})
    assert (denied.status_code, denied.url) == (302, reverse("wagtailadmin_home"))
    assert client.post(url, {}).status_code == 302
    client.force_login(moderator)
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    # wagtail-localize publishes in an on-commit hook, which never runs inside a test's
    # transaction: a new revision exists.
    assert Revision.objects.for_instance(site_tree["page_en"]).count() >= 2


def test_translation_of_a_private_page_is_private(site_tree, locales):
    _de, en = locales
    page_de, page_en = site_tree["page_de"], site_tree["page_en"]
    # Made private after it was translated: the translation follows at once.
    PageViewRestriction.objects.create(
        page=page_de, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    restriction = PageViewRestriction.objects.get(page=page_en)
    assert restriction.password == "geheim"
    # Restrictions follow changes and removal.
    source_restriction = PageViewRestriction.objects.get(page=page_de)
    source_restriction.password = "neu"
    source_restriction.save()
    assert PageViewRestriction.objects.get(page=page_en).password == "neu"
    source_restriction.delete()
    assert not PageViewRestriction.objects.filter(page=page_en).exists()

    # A private page translated later (wagtail-localize copies the restriction on creation).
    private = StandardPageFactory(parent=site_tree["home_de"], title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    translate_object(private, [en])
    private_en = private.get_translation(en)
    assert PageViewRestriction.objects.get(page=private_en).restriction_type == "login"


def test_a_stopped_translation_keeps_its_own_privacy(site_tree, locales):
    """A stopped translation is an independent page: its editors decide its privacy."""
    _de, en = locales
    page_de = site_tree["page_de"]
    Translation.objects.filter(source__object_id=page_de.translation_key, target_locale=en).update(
        enabled=False
    )
    PageViewRestriction.objects.create(page=page_de, restriction_type=PageViewRestriction.LOGIN)
    assert list(PageViewRestriction.objects.values_list("page_id", flat=True)) == [page_de.pk]


def test_a_private_translation_leaves_its_source_and_the_other_translations_alone(
    site_tree, locales, settings
):
    _de, en = locales
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [
        ("de", "Deutsch"),
        ("en", "English"),
        ("fr", "Français"),
    ]
    fr = Locale.objects.create(language_code="fr")
    page_de = site_tree["page_de"]
    translate_object(site_tree["home_de"], [fr])
    translate_object(page_de, [fr])
    page_en, page_fr = page_de.get_translation(en), page_de.get_translation(fr)
    # Only the English translation is made private; the source is German.
    PageViewRestriction.objects.create(page=page_en, restriction_type=PageViewRestriction.LOGIN)
    assert list(PageViewRestriction.objects.values_list("page_id", flat=True)) == [page_en.pk]
    assert not PageViewRestriction.objects.filter(page=page_fr).exists()


def test_a_restriction_loaded_raw_from_a_fixture_is_not_copied_to_translations(site_tree, locales):
    """loaddata saves rows as they are (raw): the privacy handler leaves translations alone."""
    from django.db.models.signals import post_save

    page_de, page_en = site_tree["page_de"], site_tree["page_en"]
    restriction = PageViewRestriction(page=page_de, restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.bulk_create([restriction])  # no signal
    restriction = PageViewRestriction.objects.get(page=page_de)
    post_save.send(PageViewRestriction, instance=restriction, created=True, raw=True)
    assert not PageViewRestriction.objects.filter(page=page_en).exists()
    post_save.send(PageViewRestriction, instance=restriction, created=True, raw=False)
    assert PageViewRestriction.objects.get(page=page_en).restriction_type == "login"


def translator_page_actions(code, page):
    return set(
        GroupPagePermission.objects.filter(
            group__name=translator_group_name(code), page=page
        ).values_list("permission__codename", flat=True)
    )


def test_a_new_language_home_gives_its_translators_their_page_permissions_at_once(home, locales):
    """Nobody runs ensure_roles() here: creating the English home page (a page right below the
    root) is enough for the English translators to work in its tree."""
    _de, en = locales
    translate_object(home, [en])
    home_en = home.get_translation(en)
    assert translator_page_actions("en", home_en) == {"change_page"}
    assert translator_page_actions("de", home_en) == set()


def test_the_roles_are_completed_only_when_a_home_page_is_created(home, locales, monkeypatch):
    """Each completion costs dozens of queries: not on other saves, nor while loading a dump."""
    from django.db.models.signals import post_save

    from localization.roles import groups

    calls = []
    monkeypatch.setattr(groups, "ensure_roles", lambda: calls.append("ensure_roles"))
    page = StandardPageFactory(parent=home, title="Kontakt", slug="kontakt")  # below a home
    page.save_revision().publish()
    home.title = "Startseite neu"
    home.save()  # a home saved again
    ThemeFactory()  # not a page
    # loaddata saves with raw=True, sending post_save with created=True.
    post_save.send(sender=type(home), instance=home, created=True, raw=True)
    assert calls == []
    translate_object(home, [locales[1]])
    assert calls == ["ensure_roles"]


def test_the_new_home_handler_is_connected_once_to_every_saved_model():
    """What localization.roles.signals.connect() (run from LocalizationConfig.ready(), perhaps
    twice) wires: the handler looks at every save, since a home page can be of any page type."""
    from django.db.models.signals import post_save

    from localization.roles import signals

    signals.connect()
    signals.connect()
    for sender in (Page, StandardPage, Theme):
        receivers, _async_receivers = post_save._live_receivers(sender)
        assert receivers.count(signals.grant_translators_on_new_home) == 1


def root_page_actions(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page__depth=1).values_list(
            "permission__codename", flat=True
        )
    )


def test_ensure_roles_gives_editors_and_moderators_back_their_rights_on_the_root(db):
    """ensure_roles() creates "or completes" the role groups: page permissions lost on the root
    page (the one that covers the whole site) come back, exactly those of each role."""
    ensure_roles()
    GroupPagePermission.objects.filter(
        group__name__in=[EDITORS, MODERATORS], page__depth=1
    ).delete()
    assert ensure_roles() is True
    assert root_page_actions(EDITORS) == {"add_page", "change_page"}
    assert root_page_actions(MODERATORS) == {
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    }
    assert ensure_roles() is False


def detach_workflow():
    WorkflowPage.objects.filter(page__depth=1).delete()


def delete_workflow():
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


@pytest.mark.parametrize("break_it", [detach_workflow, delete_workflow])
def test_ensure_roles_restores_the_moderation_workflow_and_says_so(db, break_it):
    """With no workflow on the root page, nothing submitted would reach the moderators."""
    ensure_roles()
    break_it()
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    assert ensure_roles() is True
    workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert (workflow.name, workflow.active) == (WORKFLOW_NAME, True)
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
    tasks = [task.specific for task in workflow.tasks]
    assert [(type(task), task.name, task.active) for task in tasks] == [
        (GroupApprovalTask, WORKFLOW_NAME, True)
    ]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATORS]
    assert ensure_roles() is False


def test_a_task_added_behind_the_restored_workflows_task_in_wagtails_editor_comes_after_it(
    db, client, django_user_model
):
    """The re-created workflow's task is numbered 0, as Wagtail numbers the first task (its
    migration 0048 and its workflow editor). The editor renumbers only the tasks it changes: a
    task left unnumbered (NULL) would keep NULL, and PostgreSQL, the production database, sorts
    NULL after every number, so a task added behind the moderators' approval would run first."""
    ensure_roles()
    delete_workflow()
    ensure_roles()
    workflow = WorkflowPage.objects.get(page__depth=1).workflow
    first = WorkflowTask.objects.get(workflow=workflow)
    second = GroupApprovalTask.objects.create(name="Legal check")
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    )
    formset = {"TOTAL_FORMS": 2, "INITIAL_FORMS": 1, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}
    response = client.post(
        reverse("wagtailadmin_workflows:edit", args=[workflow.pk]),
        {
            "name": workflow.name,
            **{f"workflow_tasks-{key}": value for key, value in formset.items()},
            # What the editor's form sends: the existing task unchanged, the new one behind it.
            "workflow_tasks-0-id": first.pk,
            "workflow_tasks-0-task": first.task_id,
            "workflow_tasks-0-ORDER": 1,
            "workflow_tasks-0-DELETE": "",
            "workflow_tasks-1-id": "",
            "workflow_tasks-1-task": second.pk,
            "workflow_tasks-1-ORDER": 2,
            "workflow_tasks-1-DELETE": "",
            **{f"pages-{key}": 0 for key in formset if key != "MAX_NUM_FORMS"},
            "pages-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 302
    # The order PostgreSQL gives Workflow.tasks (ORDER BY sort_order: NULLs last).
    in_order = WorkflowTask.objects.filter(workflow=workflow).order_by(
        F("sort_order").asc(nulls_last=True)
    )
    assert list(in_order.values_list("task__name", "sort_order")) == [
        (WORKFLOW_NAME, 0),
        ("Legal check", 1),
    ]
    assert [task.name for task in workflow.tasks] == [WORKFLOW_NAME, "Legal check"]
