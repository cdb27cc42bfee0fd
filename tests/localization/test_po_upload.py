"""PO round trip made safe: wagtail-localize's upload, guarded.

Every refused upload changes nothing (the string translations are compared row by row before and
after); a file older than the translation's current state needs a confirmation listing the
changes; a current file imports as upstream does.
"""

import datetime
import io
import zipfile

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import resolve, reverse
from django.utils import translation as django_translation
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from localization.po import views
from localization.po.upload import (
    Change,
    Drift,
    UploadError,
    check_entries,
    check_translation,
    export_date,
    parse_po,
    plan_import,
    read_upload,
)
from pages import factories

pytestmark = pytest.mark.django_db

EDITOR_URL = "/admin/localize/translate/edit/"  # any local URL: where the editor sends us back


@pytest.fixture
def page(home, home_en):
    return factories.StandardPageFactory(
        parent=home, title="Über uns", slug="ueber-uns", teaser="Wer wir sind und was wir tun."
    )


@pytest.fixture
def translation(page, locales, admin_user):
    _de, en = locales
    TranslationCreator(admin_user, [en]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


@pytest.fixture
def other_translation(home, locales, admin_user):
    _de, en = locales
    other = factories.StandardPageFactory(parent=home, title="Partner", slug="partner")
    TranslationCreator(admin_user, [en]).create_translations(other)
    return Translation.objects.get(source__object_id=other.translation_key, target_locale=en)


@pytest.fixture
def admin_client(client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"  # the messages below are checked in English
    profile.save()
    client.force_login(admin_user)
    return client


def segment(translation, text):
    return (
        StringSegment.objects.filter(source=translation.source, string__data=text)
        .select_related("string", "context")
        .get()
    )


def translate(translation, text, data):
    """Set the translation of one source string, as the translation editor does."""
    found = segment(translation, text)
    st, _created = StringTranslation.objects.update_or_create(
        translation_of=found.string,
        context=found.context,
        locale=translation.target_locale,
        defaults={"data": data, "translation_type": "manual"},
    )
    return st


def current(translation):
    return {
        st.translation_of.data: st.data
        for st in StringTranslation.objects.filter(locale=translation.target_locale).select_related(
            "translation_of"
        )
    }


def snapshot():
    """Every string translation, all columns: equal before and after means nothing changed."""
    return list(StringTranslation.objects.order_by("pk").values())


def exported(translation, **msgstrs):
    """The translation's PO file as downloaded, with some msgstr filled in (by msgid)."""
    po = translation.export_po()
    for entry in po:
        if entry.msgid in msgstrs:
            entry.msgstr = msgstrs[entry.msgid]
    return str(po)


def upload(client, translation, content, name="about-en.po", content_type="text/x-gettext"):
    if isinstance(content, str):
        content = content.encode()
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": file, "next": EDITOR_URL},
    )


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_upstream_url_reaches_the_guarded_view(translation):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    assert url == f"/admin/localize/translate/{translation.pk}/pofile/upload/"
    match = resolve(url)
    assert match.url_name == "localization_po_upload"
    assert match._func_path == f"{views.upload_pofile.__module__}.upload_pofile"


def test_download_still_works(admin_client, translation):
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)


def test_current_file_imports_as_upstream(admin_client, translation):
    response = upload(admin_client, translation, exported(translation, **{"Über uns": "About us"}))
    assert response.status_code == 302
    assert response["Location"] == EDITOR_URL
    assert current(translation)["Über uns"] == "About us"
    assert any("Imported the PO file" in m for m in messages_of(response))
    st = StringTranslation.objects.get(data="About us")
    assert st.tool_name == "PO File"
    assert st.last_translated_by is not None


def test_a_file_without_new_translations_imports_and_says_it_changes_nothing(
    admin_client, translation
):
    translate(translation, "Über uns", "About us")
    before = snapshot()
    response = upload(admin_client, translation, exported(translation))
    assert response.status_code == 302
    assert response["Location"] == EDITOR_URL
    # Wagtail's admin messages end with the (here empty) markup of their buttons.
    assert [m.rstrip("\n") for m in messages_of(response)] == [
        "Imported the PO file: it changes no translation."
    ]
    assert snapshot() == before


def test_reimporting_earlier_own_translations_needs_no_confirmation(admin_client, translation):
    translate(translation, "Über uns", "About us")
    text = exported(translation, **{"Wer wir sind und was wir tun.": "Who we are."})
    response = upload(admin_client, translation, text)
    assert response.status_code == 302
    assert current(translation) == {
        "Über uns": "About us",
        "Wer wir sind und was wir tun.": "Who we are.",
    }


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(32)


def _bad_uploads(translation, other_translation):
    good = exported(translation, **{"Über uns": "About us"})
    foreign = exported(other_translation, **{"Partner": "Partners"})
    return {
        "malformed": (good + "\nthis line is no PO syntax\n", "about-en.po", "text/x-gettext"),
        "lenient but headerless": (
            b'msgid "unterminated\nmsgstr "x"\n',
            "about-en.po",
            "text/x-gettext",
        ),
        "plain text": (b"Hello, this is a letter, not a PO file.\n", "about-en.po", "text/plain"),
        "empty": (b"", "about-en.po", "text/x-gettext"),
        "duplicates": (
            good + '\nmsgctxt "title"\nmsgid "Über uns"\nmsgstr "About"\n',
            "about-en.po",
            "text/x-gettext",
        ),
        "png renamed": (PNG, "about-en.po", "application/octet-stream"),
        "png": (PNG, "about-en.png", "image/png"),
        "docx renamed": (_docx(), "about-en.po", "application/octet-stream"),
        "docx": (
            _docx(),
            "about-en.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "wrong content type": (good, "about-en.po", "image/jpeg"),
        "wrong extension": (good, "about-en.exe", "application/octet-stream"),
        "binary": (b"msgid \x00\x01\x02\x03", "about-en.po", "application/octet-stream"),
        "not utf-8": (
            good.encode("utf-8").replace("Über".encode(), "Über".encode("latin-1")),
            "about-en.po",
            "text/x-gettext",
        ),
        "another translation": (foreign, "partner-en.po", "text/x-gettext"),
        "translation id missing": (
            good.replace(f'"X-WagtailLocalize-TranslationID: {translation.uuid}\\n"\n', ""),
            "about-en.po",
            "text/x-gettext",
        ),
        "translation id of another": (
            good.replace(str(translation.uuid), str(other_translation.uuid)),
            "about-en.po",
            "text/x-gettext",
        ),
    }


BAD_CASES = [
    "malformed",
    "lenient but headerless",
    "plain text",
    "empty",
    "duplicates",
    "png renamed",
    "png",
    "docx renamed",
    "docx",
    "wrong content type",
    "wrong extension",
    "binary",
    "not utf-8",
    "another translation",
    "translation id missing",
    "translation id of another",
]


@pytest.mark.parametrize("case", BAD_CASES)
def test_refused_upload_changes_nothing(admin_client, translation, other_translation, case):
    translate(translation, "Über uns", "About")
    content, name, content_type = _bad_uploads(translation, other_translation)[case]
    before = snapshot()
    response = upload(admin_client, translation, content, name=name, content_type=content_type)
    assert response.status_code == 302, case
    assert response["Location"] == EDITOR_URL
    assert snapshot() == before, case
    errors = messages_of(response)
    assert errors and not any("Imported" in m for m in errors), errors


def test_error_messages_say_what_is_wrong(admin_client, translation, other_translation):
    bad = _bad_uploads(translation, other_translation)
    expected = {
        "png renamed": "PNG",
        "docx renamed": "ZIP",
        "another translation": "different translation",
        "malformed": "syntax error in line",
        "wrong content type": "image/jpeg",
        "not utf-8": "UTF-8",
    }
    for case, words in expected.items():
        content, name, content_type = bad[case]
        response = upload(admin_client, translation, content, name=name, content_type=content_type)
        assert words in messages_of(response)[-1], (case, messages_of(response))
        assert "tmp" not in messages_of(response)[-1]  # no server paths


@override_settings(LOCALIZATION_PO_MAX_UPLOAD_SIZE=2048)
def test_too_big_upload_changes_nothing(admin_client, translation):
    text = exported(translation, **{"Über uns": "About us"}) + "\n# padding\n" * 400
    before = snapshot()
    response = upload(admin_client, translation, text)
    assert snapshot() == before
    assert any("too big" in m for m in messages_of(response))


def test_missing_file_changes_nothing(admin_client, translation):
    before = snapshot()
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"next": EDITOR_URL}
    )
    assert response.status_code == 302
    assert snapshot() == before


def test_upload_needs_edit_permission(client, django_user_model, translation):
    user = django_user_model.objects.create_user("reader", password="x")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    before = snapshot()
    response = upload(client, translation, exported(translation, **{"Über uns": "Hacked"}))
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert snapshot() == before
    assert not any("Imported" in m for m in messages_of(response))
    assert not GroupPagePermission.objects.filter(group=group).exists()


# --- Older than the translation: confirmation ----------------------------------------------


def test_file_older_than_edits_needs_confirmation(admin_client, translation):
    translate(translation, "Über uns", "About")
    text = exported(translation, **{"Wer wir sind und was wir tun.": "Who we are."})
    # After the download, someone improves the title in the editor.
    translate(translation, "Über uns", "About us")
    before = snapshot()

    response = upload(admin_client, translation, text)

    assert response.status_code == 200
    assert snapshot() == before
    assert "localization/po/confirm_upload.html" in [t.name for t in response.templates]
    plan = response.context["plan"]
    changes = {c.source: (c.current, c.new, c.conflict) for c in plan.changes}
    assert changes == {
        "Über uns": ("About us", "About", True),
        "Wer wir sind und was wir tun.": (None, "Who we are.", False),
    }
    body = response.content.decode()
    assert "About us" in body and "Who we are." in body
    assert "Confirm and import" in body

    # Cancel is a plain link back to the editor: following it changes nothing.
    assert f'href="{EDITOR_URL}"' in body
    admin_client.get(EDITOR_URL)
    assert snapshot() == before

    # Confirm applies exactly what was listed.
    response = admin_client.post(
        response.context["confirm_url"],
        {"token": response.context["token"], "next": EDITOR_URL},
    )
    assert response.status_code == 302
    assert current(translation) == {
        "Über uns": "About",
        "Wer wir sind und was wir tun.": "Who we are.",
    }


def test_source_changed_since_download_needs_confirmation(admin_client, translation, page):
    text = exported(translation, **{"Über uns": "About us"})
    page.title = "Über Connective Cities"
    page.save_revision().publish()
    translation.source.update_from_db()
    before = snapshot()

    response = upload(admin_client, translation, text)

    assert response.status_code == 200
    assert snapshot() == before
    drift = {(d.in_file, d.current) for d in response.context["plan"].drift}
    assert ("Über uns", "Über Connective Cities") in drift
    assert "Über Connective Cities" in response.content.decode()


def test_changes_during_confirmation_are_shown_again(admin_client, translation):
    text = exported(translation, **{"Über uns": "Old"})
    translate(translation, "Über uns", "Newer")
    response = upload(admin_client, translation, text)
    assert response.status_code == 200
    token = response.context["token"]
    translate(translation, "Über uns", "Newest")  # edited while the translator reads
    before = snapshot()
    response = admin_client.post(
        reverse("localization_po:confirm_upload", args=[translation.pk]),
        {"token": token, "next": EDITOR_URL},
    )
    assert response.status_code == 200
    assert response.context["changed_meanwhile"]
    assert snapshot() == before
    assert {c.current for c in response.context["plan"].changes} == {"Newest"}


def test_tampered_or_foreign_confirmation_changes_nothing(
    admin_client, client, django_user_model, translation
):
    text = exported(translation, **{"Über uns": "Old"})
    translate(translation, "Über uns", "Newer")
    response = upload(admin_client, translation, text)
    token = response.context["token"]
    url = reverse("localization_po:confirm_upload", args=[translation.pk])
    before = snapshot()

    response = admin_client.post(url, {"token": token[:-3] + "abc", "next": EDITOR_URL})
    assert response.status_code == 302
    assert snapshot() == before

    other_admin = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other_admin)
    response = client.post(url, {"token": token, "next": EDITOR_URL})
    assert response.status_code == 302
    assert snapshot() == before


# --- Size, name, export date: the rules at their edges --------------------------------------


def po_upload(content, name="about-en.po", size="measured"):
    file = SimpleUploadedFile(name, content, content_type="text/x-gettext")
    if size is None:
        file.size = None  # a stream whose length the server was not told
    return file


@override_settings(LOCALIZATION_PO_MAX_UPLOAD_SIZE=2048)
@pytest.mark.parametrize("size", ["measured", None])
def test_a_file_exactly_at_the_size_limit_is_read_one_byte_more_is_refused(translation, size):
    text = exported(translation, **{"Über uns": "About us"})
    at_limit = text + "#" * (2048 - len(text.encode()) - 1) + "\n"
    assert len(at_limit.encode()) == 2048
    assert read_upload(po_upload(at_limit.encode(), size=size)) == at_limit
    with django_translation.override("en"), pytest.raises(UploadError) as raised:
        read_upload(po_upload(at_limit.encode() + b"\n", size=size))
    if size is None:  # found while reading: no size to name
        assert str(raised.value) == "The file is too big: a PO file may have at most 2 KB."
    else:
        assert str(raised.value) == ("The file is too big (3 KB): a PO file may have at most 2 KB.")


def test_an_upper_case_extension_is_a_po_file(admin_client, translation):
    text = exported(translation, **{"Über uns": "About us"})
    assert read_upload(po_upload(text.encode(), name="ABOUT-EN.PO")) == text
    response = upload(admin_client, translation, text, name="ABOUT-EN.PO")
    assert response.status_code == 302
    assert current(translation) == {"Über uns": "About us"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Without a zone, the time is UTC (as wagtail-localize writes it), not Berlin's.
        ("2026-12-06 10:30:00", datetime.datetime(2026, 12, 6, 10, 30, tzinfo=datetime.UTC)),
        ("2026-12-06 11:30+0100", datetime.datetime(2026, 12, 6, 10, 30, tzinfo=datetime.UTC)),
        (
            "2026-06-17 09:30:00.250000+00:00",
            datetime.datetime(2026, 6, 17, 9, 30, 0, 250000, tzinfo=datetime.UTC),
        ),
        ("", None),
        ("yesterday", None),
        ("2026-13-45 10:00", None),
    ],
)
def test_the_export_date_is_read_in_its_time_zone(header, expected):
    po = polib.POFile()
    po.metadata = {"POT-Creation-Date": header}
    found = export_date(po)
    assert found == expected
    if expected is not None:
        assert found.utcoffset() is not None


def test_a_file_without_an_export_date_has_none():
    po = polib.POFile()
    po.metadata = {"Language": "en"}
    assert export_date(po) is None


BAD_ESCAPE = "“\\q” is not a valid escape sequence (a backslash in the text is written \\\\)."


@pytest.mark.parametrize(
    ("bad_entries", "rest"), [(5, ""), (6, " (and 1 more problem)"), (7, " (and 2 more problems)")]
)
def test_a_refusal_names_the_first_five_bad_entries_and_counts_the_rest(bad_entries, rest):
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body = "".join(f'msgid "a{n}"\nmsgstr "x \\q"\n\n' for n in range(bad_entries))
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        check_entries(header + body)
    named = " ".join(f"line {line}: {BAD_ESCAPE}" for line in (6, 9, 12, 15, 18))
    assert str(refused.value) == (
        f"The file was not imported, nothing was changed. Please correct it: {named}{rest}"
    )


def test_planning_an_import_takes_four_queries_whatever_the_number_of_entries(
    translation, django_assert_num_queries
):
    """The segments with their strings and contexts, the file's strings, its contexts and the
    existing translations: one query each, however many entries the file has."""
    po = polib.pofile(
        exported(translation, **{"Über uns": "About us", "Wer wir sind und was wir tun.": "Who"})
    )
    translation = Translation.objects.select_related("source").get(pk=translation.pk)
    with django_assert_num_queries(4):
        plan = plan_import(po, translation)
    assert sorted(change.new for change in plan.changes) == ["About us", "Who"]


def test_obsolete_entries_of_a_file_are_no_source_drift(translation):
    po = polib.pofile(exported(translation, **{"Über uns": "About us"}))
    po.append(
        polib.POEntry(
            msgctxt="body.former", msgid="Ein alter Absatz", msgstr="A former", obsolete=True
        )
    )
    plan = plan_import(po, translation)
    assert plan.drift == []
    assert [(c.source, c.new, c.obsolete) for c in plan.changes] == [
        ("Über uns", "About us", False)
    ]
    assert plan.skipped == 1  # the obsolete entry names no context of the page
    assert not plan.needs_confirmation


def test_a_segment_missing_from_the_file_is_source_drift(translation):
    po = polib.pofile(exported(translation))
    (teaser,) = [entry for entry in po if entry.msgid == "Wer wir sind und was wir tun."]
    po.remove(teaser)
    plan = plan_import(po, translation)
    assert plan.drift == [Drift(teaser.msgctxt, None, "Wer wir sind und was wir tun.")]
    assert plan.needs_confirmation


def test_a_translation_of_a_former_source_text_is_updated_and_marked_obsolete(translation, page):
    translate(translation, "Über uns", "About")
    po = polib.pofile(
        exported(translation, **{"Über uns": "About us", "Wer wir sind und was wir tun.": "Who"})
    )
    page.title = "Über Connective Cities"
    page.teaser = "Ein Netzwerk von Städten."
    page.save_revision().publish()
    translation.source.update_from_db()

    plan = plan_import(po, translation)

    title = segment(translation, "Über Connective Cities").context.path
    assert plan.changes == [
        Change(
            context=title,
            source="Über uns",
            current="About",
            new="About us",
            conflict=False,
            obsolete=True,
        )
    ]
    # The former teaser was never translated: nothing to update, nothing to add.
    assert plan.skipped == 1


def test_a_translation_saved_exactly_at_the_export_time_is_no_conflict(translation):
    st = translate(translation, "Über uns", "About")
    po = polib.pofile(exported(translation, **{"Über uns": "About us"}))
    exported_at = export_date(po)
    StringTranslation.objects.filter(pk=st.pk).update(updated_at=exported_at)
    (change,) = plan_import(po, translation).changes
    assert (change.current, change.new, change.conflict) == ("About", "About us", False)

    StringTranslation.objects.filter(pk=st.pk).update(
        updated_at=exported_at + datetime.timedelta(microseconds=1)
    )
    (change,) = plan_import(po, translation).changes
    assert change.conflict is True


def test_entries_are_matched_to_the_contexts_of_the_files_own_page(translation, other_translation):
    """Every page has a `title` context: the other page's must not stand in for this one's."""
    po = polib.pofile(exported(translation, **{"Über uns": "About us"}))
    plan = plan_import(po, translation)
    title = segment(translation, "Über uns").context
    other_title = segment(other_translation, "Partner").context
    assert other_title.path == title.path and other_title.pk > title.pk
    assert [(c.context, c.source, c.new, c.obsolete) for c in plan.changes] == [
        (title.path, "Über uns", "About us", False)
    ]
    assert plan.skipped == 0


def test_every_entry_the_import_would_ignore_is_counted(translation):
    po = polib.pofile(exported(translation, **{"Über uns": "About us"}))
    for n in (1, 2, 3):
        po.append(polib.POEntry(msgctxt=f"body.gone{n}", msgid=f"Weg {n}", msgstr=f"Gone {n}"))
    assert plan_import(po, translation).skipped == 3


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "The file does not say which translation it belongs to (no "
            "X-WagtailLocalize-TranslationID header): please upload a PO file downloaded from "
            "this translation.",
        ),
        (
            "de",
            "Die Datei gibt nicht an, zu welcher Übersetzung sie gehört (keine Kopfzeile "
            "X-WagtailLocalize-TranslationID): Bitte laden Sie eine PO-Datei hoch, die Sie von "
            "dieser Übersetzung heruntergeladen haben.",
        ),
    ],
)
def test_a_file_without_its_translation_header_is_refused_with_the_header_named(
    translation, language, message
):
    po = polib.pofile(exported(translation))
    del po.metadata["X-WagtailLocalize-TranslationID"]
    with django_translation.override(language), pytest.raises(UploadError) as refused:
        check_translation(po, translation)
    assert str(refused.value) == message


def test_a_file_of_another_translation_is_refused_as_such(translation, other_translation):
    po = polib.pofile(exported(other_translation))
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        check_translation(po, translation)
    assert str(refused.value) == (
        "This PO file was downloaded for a different translation: please upload the file "
        "downloaded from this page in this language."
    )
    check_translation(polib.pofile(exported(translation)), translation)  # its own: no error


@pytest.mark.parametrize(
    ("language", "nothing", "syntax"),
    [
        (
            "en",
            "Please choose a PO file to upload.",
            "The file could not be read as a PO file: syntax error in line 6.",
        ),
        (
            "de",
            "Bitte wählen Sie eine PO-Datei zum Hochladen aus.",
            "Die Datei konnte nicht als PO-Datei gelesen werden: Syntaxfehler in Zeile 6.",
        ),
    ],
)
def test_no_file_and_a_syntax_error_are_refused_with_their_own_message(language, nothing, syntax):
    with django_translation.override(language):
        with pytest.raises(UploadError) as refused:
            read_upload(None)
        assert str(refused.value) == nothing
        with pytest.raises(UploadError) as refused:
            parse_po('msgid ""\nmsgstr ""\n\nmsgid "Über uns"\nmsgstr "About"\nno PO syntax\n')
        assert str(refused.value) == syntax


def test_a_file_polib_refuses_without_a_line_is_refused_as_unreadable():
    duplicates = 'msgid "Über uns"\nmsgstr "About"\n\nmsgid "Über uns"\nmsgstr "About us"\n'
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        parse_po(duplicates)
    assert str(refused.value) == "The file could not be read as a PO file."


def test_an_empty_file_is_refused_a_header_alone_is_read():
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        parse_po("")
    assert str(refused.value) == "The file holds no PO entries: please upload a .po file."
    po = parse_po('msgid ""\nmsgstr ""\n"Language: en\\n"\n')
    assert (len(po), po.metadata) == (0, {"Language": "en"})


def test_the_text_is_read_as_utf_8_whatever_charset_the_header_claims():
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgctxt "title"\nmsgid "Über uns"\nmsgstr "Über"\n'
    )
    (entry,) = parse_po(text)
    assert (entry.msgid, entry.msgstr) == ("Über uns", "Über")


def test_a_file_not_named_po_is_refused_with_its_name():
    docx = SimpleUploadedFile("about-en.docx", b'msgid ""\n', content_type="text/plain")
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        read_upload(docx)
    assert str(refused.value) == (
        "“about-en.docx” is not a PO file: please upload the .po file you downloaded."
    )


def test_a_file_of_another_content_type_is_refused_with_the_type_named():
    image = SimpleUploadedFile("about-en.po", b'msgid ""\n', content_type="image/jpeg")
    with django_translation.override("en"), pytest.raises(UploadError) as refused:
        read_upload(image)
    assert str(refused.value) == (
        "The file is of type image/jpeg, not a PO file: please upload a .po file."
    )


def test_a_content_type_with_parameters_is_read_by_its_type_alone():
    text = 'msgid ""\nmsgstr ""\n'
    file = SimpleUploadedFile(
        "about-en.po", text.encode(), content_type="Text/X-Gettext; charset=UTF-8"
    )
    assert read_upload(file) == text


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file is a PDF file, not a PO file: please upload a .po file."),
        (
            "de",
            "Die Datei ist eine PDF-Datei, keine PO-Datei: Bitte laden Sie eine .po-Datei hoch.",
        ),
    ],
)
def test_a_file_of_another_format_is_refused_with_its_format_named(language, message):
    pdf = SimpleUploadedFile("about-en.po", b"%PDF-1.7\n", content_type="application/octet-stream")
    with django_translation.override(language), pytest.raises(UploadError) as refused:
        read_upload(pdf)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file is binary, not a PO file: please upload a .po file."),
        (
            "de",
            "Die Datei ist eine Binärdatei, keine PO-Datei: Bitte laden Sie eine .po-Datei hoch.",
        ),
    ],
)
def test_a_binary_file_is_refused_as_binary(language, message):
    binary = SimpleUploadedFile("about-en.po", b"msgid \x00\x01", content_type="text/x-gettext")
    with django_translation.override(language), pytest.raises(UploadError) as refused:
        read_upload(binary)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file is not UTF-8 encoded text: please upload the .po file you downloaded."),
        (
            "de",
            "Die Datei ist kein UTF-8-kodierter Text: Bitte laden Sie die heruntergeladene "
            ".po-Datei hoch.",
        ),
    ],
)
def test_a_file_in_another_encoding_is_refused_as_not_utf_8(language, message):
    latin1 = SimpleUploadedFile(
        "about-en.po", 'msgid "Über uns"\n'.encode("latin-1"), content_type="text/x-gettext"
    )
    with django_translation.override(language), pytest.raises(UploadError) as refused:
        read_upload(latin1)
    assert str(refused.value) == message
