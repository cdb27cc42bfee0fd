"""A practitioner proposes a good practice on the public form; a moderator approves the draft
it became in the moderation workflow, which publishes it, and the practitioner gets the link."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from community.models import PracticeProposal
from localization.roles.groups import MODERATORS, ensure_roles
from tests.browser.test_editor_journey import log_in, open_footer_action

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Saubere Busse in Bangkok"


@pytest.fixture
def moderator(portal, live_server_lock):
    with live_server_lock:
        ensure_roles()
        user = get_user_model().objects.create_user(
            "mona", "mona@example.org", "a-long-test-password", first_name="Mona"
        )
        user.groups.add(Group.objects.get(name=MODERATORS))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        cache.clear()  # rate limits
        mail.outbox = []
    return user


def test_a_practitioner_proposes_and_a_moderator_publishes(portal, moderator, new_context):
    page = new_context(locale="de-DE").new_page()
    page.goto("/de/propose-a-practice/")
    page.locator("#id_name").fill("Pim Praktikerin")
    page.locator("#id_email").fill("pim@example.org")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_city").fill("Bangkok")
    page.locator("#id_country").select_option("th")
    page.locator("#id_summary").fill("Elektrobusse im Stadtverkehr.")
    page.locator("#id_challenge").fill("Luftverschmutzung durch alte Dieselbusse.")
    page.locator("#id_approach").fill("Schrittweiser Umstieg auf Elektrobusse.")
    page.locator("#id_consent_publication").check()
    page.locator("#id_consent_contact").check()
    page.locator("form.community-form button[type=submit]").click()
    expect(page).to_have_url("/de/propose-a-practice/thanks/")
    proposal = PracticeProposal.objects.get()
    draft = proposal.page
    assert draft is not None and not draft.live

    admin = new_context().new_page()
    log_in(admin, "mona", "a-long-test-password")
    admin.goto(f"/admin/pages/{draft.pk}/edit/")
    open_footer_action(admin, "Approve and Publish")
    expect(admin.locator(".messages")).to_contain_text(TITLE)
    draft.refresh_from_db()
    assert draft.live
    page.goto(draft.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    published = [m for m in mail.outbox if m.to == ["pim@example.org"]]
    assert [m.subject for m in published][
        -1
    ] == "[Connective Cities] Ihre Praxis ist veröffentlicht"
