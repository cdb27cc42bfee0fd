"""Login throttling (django-axes) for the admin and page passwords, and the Content-Security-Policy."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import PageViewRestriction

PASSWORD = "the-right-password-42"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_login(client, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_admin_refuses_the_right_password_after_30_wrong_ones(client, editor):
    for attempt in range(30):
        response = admin_login(client, f"wrong-{attempt}")
        assert response.status_code in (200, 429)
    response = admin_login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Too many attempts" in text
    assert "Please try again in 15 minutes." in text
    assert "ask an administrator of the portal to reset it" in text


def test_lockout_starts_at_the_tenth_wrong_password(client, editor):
    for attempt in range(9):
        assert admin_login(client, f"wrong-{attempt}").status_code == 200
    assert admin_login(client, "wrong-9").status_code == 429


def test_lockout_is_for_one_address_only(client, editor):
    for attempt in range(12):
        admin_login(client, f"wrong-{attempt}")
    # The same name from another connection still gets in: nobody can lock an editor out.
    response = admin_login(client, PASSWORD, address="198.51.100.4")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_right_password_below_the_limit_resets_the_count(client, editor):
    for attempt in range(9):
        admin_login(client, f"wrong-{attempt}")
    assert admin_login(client, PASSWORD).status_code == 302
    client.logout()
    for attempt in range(9):
        assert admin_login(client, f"again-{attempt}").status_code == 200
    assert admin_login(client, PASSWORD).status_code == 302


@pytest.fixture
def protected(home, home_en, sections):
    restriction = PageViewRestriction.objects.create(
        page=sections["news"], restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return restriction, sections["news"]


def page_password(client, restriction, page, password, language="de"):
    return client.post(
        f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR="203.0.113.7",
    )


def test_page_password_refuses_the_right_password_after_30_wrong_ones(client, protected):
    restriction, page = protected
    for attempt in range(30):
        assert page_password(client, restriction, page, f"wrong-{attempt}").status_code in (
            200,
            429,
        )
    response = page_password(client, restriction, page, PASSWORD)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert "in 15 Minuten noch einmal" in response.content.decode()
    assert client.get(page.url).status_code == 200  # still the password form
    assert "wagtail-restriction" not in str(dict(client.session))
    english = page_password(client, restriction, page, PASSWORD, language="en")
    assert english.status_code == 429
    assert "ask the person who shared this page with you" in english.content.decode()


def test_page_password_works_below_the_limit(client, protected):
    restriction, page = protected
    for attempt in range(5):
        assert page_password(client, restriction, page, f"wrong-{attempt}").status_code == 200
    response = page_password(client, restriction, page, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == page.url


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_have_a_strict_policy(client, home):
    policy = directives(client.get("/de/"))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]


def test_the_admin_has_its_own_policy(client, editor):
    client.force_login(editor)
    policy = directives(client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "https://releases.wagtail.io" in policy["connect-src"]
    login = directives(client.get("/admin/login/"))
    assert login["object-src"] == ["'none'"]


def test_api_answers_carry_the_policy(client, home):
    assert "default-src 'self'" in client.get("/api/v2/pages/")["Content-Security-Policy"]
