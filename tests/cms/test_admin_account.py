"""The admin speaks each user's language and loads no avatar from a third party."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile


@pytest.fixture
def editor(django_user_model, home):
    return django_user_model.objects.create_superuser("erika", "erika.mustermann@example.org", "pw")


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("preference", "browser", "expected"),
    [("en", "de", "en"), ("de", "en", "de"), ("", "en", "en"), ("", "de", "de")],
)
def test_the_admin_follows_the_users_language(client, editor, preference, browser, expected):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = preference
    profile.save()
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"), headers={"accept-language": browser})
    assert response.status_code == 200
    assert html_lang(response) == expected


def test_no_avatar_from_gravatar(client, editor):
    client.force_login(editor)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account"), "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html
        assert "default-user-avatar" in html
