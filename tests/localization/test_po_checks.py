"""PO uploads are checked as `msgfmt -c` checks them: escapes, placeholders, plural forms.

The checker (localization.po.checks) is pure Python. Its verdicts are compared with GNU gettext's
own `msgfmt -c` on every sample below where gettext is installed (`make test` installs it); the
samples where the portal is stricter on purpose are listed apart, with msgfmt shown to accept them.
A refused upload through the admin names the bad entry's line and imports nothing.
"""

import os
import re
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from localization.po.checks import (
    Entry,
    FormatError,
    PluralError,
    Text,
    check_po,
    decode,
    parse_brace,
    parse_plural,
    read_entries,
    structure_problems,
)
from localization.roles.groups import ensure_roles, translator_group_name
from pages import factories

HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: Connective Cities\\n"
"PO-Revision-Date: 2026-12-06 10:00+0000\\n"
"Last-Translator: Tara <tara@example.org>\\n"
"Language-Team: English\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""
HEADER_LINES = HEADER.count("\n")  # the first entry's first line is HEADER_LINES + 1


def po(body, header=HEADER):
    return header + body


@pytest.fixture(autouse=True)
def english():
    with django_translation.override("en"):
        yield


# (sample, body, line of the first problem, words of its message). Lines count from the entry:
# 1 is the body's first line.
REFUSED = {
    "invalid escape": ('msgid "a"\nmsgstr "Helping \\ local"\n', 2, "not a valid escape"),
    "invalid escape \\e": ('msgid "a"\nmsgstr "x \\e"\n', 2, "“\\e”"),
    "invalid escape \\'": ('msgid "a"\nmsgstr "it\\\'s"\n', 2, "not a valid escape"),
    "hex escape without digits": ('msgid "a"\nmsgstr "\\xZ"\n', 2, "“\\x”"),
    "invalid escape in a continued line": (
        'msgid "a b"\nmsgstr ""\n"a "\n"\\ b"\n',
        4,
        "not a valid escape",
    ),
    "invalid escape in the source": ('msgid "a \\ b"\nmsgstr "c"\n', 1, "not a valid escape"),
    # As msgfmt: a brace placeholder is its field with accessors and format spec.
    "brace placeholder with another nested field": (
        '#, python-brace-format\nmsgid "{a:{w}}"\nmsgstr "{a:{x}}"\n',
        3,
        "“{a:{x}}”",
    ),
    "brace placeholder with another format spec": (
        '#, python-brace-format\nmsgid "{n:>10}"\nmsgstr "{n}"\n',
        3,
        "“{n}”",
    ),
    "brace placeholder without its index": (
        '#, python-brace-format\nmsgid "{a[0]}"\nmsgstr "{a}"\n',
        3,
        "“{a}”",
    ),
    "named placeholder renamed": (
        '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(nme)s"\n',
        3,
        "%(nme)s",
    ),
    "named placeholder dropped": (
        '#, python-format\nmsgid "%(count)d of %(total)d"\nmsgstr "%(count)d"\n',
        3,
        "“%(total)d” of the source text is missing",
    ),
    "named placeholder of another type": (
        '#, python-format\nmsgid "%(count)d cities"\nmsgstr "%(count)s cities"\n',
        3,
        "another type",
    ),
    "unnamed placeholder dropped": (
        '#, python-format\nmsgid "Page %s"\nmsgstr "Seite"\n',
        3,
        "1 placeholder like %s or %d, the translation 0",
    ),
    "possible-python-format flag": (
        '#, possible-python-format\nmsgid "Page %s"\nmsgstr "Seite"\n',
        3,
        "1 placeholder like %s or %d, the translation 0",
    ),
    "unnamed placeholders swapped": (
        '#, python-format\nmsgid "%s has %d"\nmsgstr "%d hat %s"\n',
        3,
        "placeholder 1 is “%s” in the source text but “%d”",
    ),
    "named in the source, unnamed in the translation": (
        '#, python-format\nmsgid "%(city)s"\nmsgstr "%s"\n',
        3,
        "named placeholders",
    ),
    "not a python format string": (
        '#, python-format\nmsgid "%(n)d %%"\nmsgstr "%(n)d %y"\n',
        3,
        "“y” is not a placeholder type",
    ),
    "brace placeholder renamed": (
        '#, python-brace-format\nmsgid "Hello {name}"\nmsgstr "Hallo {nom}"\n',
        3,
        "“{nom}”",
    ),
    "brace placeholder dropped": (
        '#, python-brace-format\nmsgid "{count} of {total}"\nmsgstr "{count}"\n',
        3,
        "“{total}” of the source text is missing",
    ),
    "brace placeholder not closed": (
        '#, python-brace-format\nmsgid "Hello {name}"\nmsgstr "Hallo {name"\n',
        3,
        "not closed",
    ),
    "source ends with a line break, translation not": ('msgid "a\\n"\nmsgstr "b"\n', 2, "end"),
    "translation begins with a line break, source not": ('msgid "a"\nmsgstr "\\nb"\n', 2, "begin"),
    "too few plural forms": (
        'msgid "one city"\nmsgid_plural "%d cities"\nmsgstr[0] "eine Stadt"\n',
        3,
        "1 plural form, but the header's Plural-Forms has nplurals = 2",
    ),
    "too many plural forms": (
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\nmsgstr[2] "d"\n',
        5,
        "3 plural forms",
    ),
    "plural forms out of order": (
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n',
        4,
        "msgstr[1] was expected",
    ),
    "plural form without msgid_plural": ('msgid "a"\nmsgstr[0] "b"\n', 2, "without msgid_plural"),
    "plural form used for many numbers drops its placeholder": (
        '#, python-format\nmsgid "%(n)d city"\nmsgid_plural "%(n)d cities"\n'
        'msgstr[0] "eine Stadt"\nmsgstr[1] "Städte"\n',
        5,
        "“%(n)d” of the source text is missing",
    ),
    "unnamed placeholder dropped in the singular form": (
        '#, python-format\nmsgid "%d city"\nmsgid_plural "%d cities"\n'
        'msgstr[0] "eine Stadt"\nmsgstr[1] "%d Städte"\n',
        4,
        "1 placeholder like %s or %d, the translation 0",
    ),
}

ACCEPTED = {
    "plain text": 'msgid "Über uns"\nmsgstr "About us"\n',
    "valid escapes": 'msgid "a\\tb \\"c\\" d\\\\e\\n"\nmsgstr "A\\tB \\"C\\" D\\\\E\\n"\n',
    "msgfmt's other escapes": 'msgid "a"\nmsgstr "\\b\\f\\v x"\n',
    "percent sign in prose": 'msgid "100 % sicher, 20%ige"\nmsgstr "100% sure, 20 percent"\n',
    "named placeholders reordered": (
        '#, python-format\nmsgid "%(count)d of %(total)d"\nmsgstr "%(total)d: %(count)d"\n'
    ),
    "unnamed placeholders kept": '#, python-format\nmsgid "%s has %d"\nmsgstr "%s hat %d %%"\n',
    "brace placeholders reordered": (
        '#, python-brace-format\nmsgid "{a} and {b:>5}"\nmsgstr "{b:>5} und {a} {{x}}"\n'
    ),
    "source is no valid format string": '#, python-format\nmsgid "%y"\nmsgstr "z"\n',
    "no-python-format": '#, no-python-format\nmsgid "%(name)s"\nmsgstr "Name"\n',
    "untranslated entry": '#, python-format\nmsgid "%(name)s"\nmsgstr ""\n',
    "plural entry": 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\n',
    "singular form may drop a named placeholder": (
        '#, python-format\nmsgid "%(n)d city"\nmsgid_plural "%(n)d cities"\n'
        'msgstr[0] "eine Stadt"\nmsgstr[1] "%(n)d Städte"\n'
    ),
    "line breaks kept": 'msgid "\\na\\n"\nmsgstr ""\n"\\n"\n"b\\n"\n',
    "attribute and index access": (
        '#, python-brace-format\nmsgid "{a[0]} of {b.c}"\nmsgstr "{b.c}: {a[0]}"\n'
    ),
    # "%.0s" prints nothing: msgfmt takes it for an argument of any type in a rarely used form.
    "zero precision takes any type in a form for one number": (
        '#, python-format\nmsgid "%(n)d city"\nmsgid_plural "%(n)d cities"\n'
        'msgstr[0] "%(n).0seine Stadt"\nmsgstr[1] "%(n)d Städte"\n'
    ),
}

# (body, line, the whole message): why a translation is no valid format string, word for word.
BRACE_REASON = "the translation is not a valid Python brace format string: "
PERCENT_REASON = "the translation is not a valid Python format string: "
REASONS = {
    "named placeholder after an unnamed one": (
        '#, python-format\nmsgid "%s a"\nmsgstr "%s %(n)s"\n',
        3,
        PERCENT_REASON + "named and unnamed placeholders cannot be mixed.",
    ),
    "unnamed placeholder after a named one": (
        '#, python-format\nmsgid "%s a"\nmsgstr "%(n)s %s"\n',
        3,
        PERCENT_REASON + "named and unnamed placeholders cannot be mixed.",
    ),
    "brace placeholder name begins with a sign": (
        '#, python-brace-format\nmsgid "{a}"\nmsgstr "{-a}"\n',
        3,
        BRACE_REASON + "“-” cannot begin a placeholder's name.",
    ),
    "nested brace placeholder without a name": (
        '#, python-brace-format\nmsgid "{a:{w}}"\nmsgstr "{a:{}}"\n',
        3,
        BRACE_REASON + "“}” cannot begin a placeholder's name.",
    ),
    "invalid conversion": (
        '#, python-brace-format\nmsgid "{a}"\nmsgstr "{a!x}"\n',
        3,
        BRACE_REASON + "a placeholder has an invalid conversion.",
    ),
    "placeholders nested twice": (
        '#, python-brace-format\nmsgid "{a}"\nmsgstr "{a:{w:{x}}}"\n',
        3,
        BRACE_REASON + "placeholders are nested too deeply.",
    ),
}

RUSSIAN = HEADER.replace(
    "nplurals=2; plural=(n != 1);",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
)
PLURAL_ENTRY = 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "c"\n'

# (header, body, words): the Plural-Forms header's problems are named at its msgstr line.
REFUSED_HEADERS = {
    "no Plural-Forms": (
        HEADER.replace('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', ""),
        PLURAL_ENTRY,
        "no “Plural-Forms",
    ),
    "nplurals not a number": (
        HEADER.replace("nplurals=2", "nplurals=zwei"),
        PLURAL_ENTRY,
        "nplurals is not a number",
    ),
    "invalid expression": (
        HEADER.replace("(n != 1)", "(n != 1"),
        'msgid "a"\nmsgstr "b"\n',
        "not valid",
    ),
    "values beyond nplurals": (HEADER.replace("(n != 1)", "n%3"), PLURAL_ENTRY, "gives 2"),
    "division by zero": (HEADER.replace("(n != 1)", "n/(n-n)"), PLURAL_ENTRY, "divides by zero"),
    "negative values": (HEADER.replace("(n != 1)", "n-5"), PLURAL_ENTRY, "negative"),
    "Russian forms, two given": (RUSSIAN, PLURAL_ENTRY, "nplurals = 3"),
}
ACCEPTED_HEADERS = {
    "Russian": (RUSSIAN, PLURAL_ENTRY.replace('msgstr[1] "c"\n', 'msgstr[1] "c"\nmsgstr[2] "d"\n')),
    "division guarded by a condition": (
        HEADER.replace("(n != 1)", "n == 0 ? 0 : (10/n > 0 ? 1 : 0)"),
        PLURAL_ENTRY,
    ),
    "one form": (HEADER.replace("nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;"), ""),
}

# Refused here, accepted by msgfmt -c (see the checker's docstring for why).
STRICTER = {
    "fuzzy entry with a dropped placeholder": (
        '#, fuzzy, python-format\nmsgid "Page %s"\nmsgstr "Seite"\n',
        3,
        "1 placeholder",
    ),
    "obsolete entry with a line break dropped": ('#~ msgid "a\\n"\n#~ msgstr "b"\n', 2, "end"),
    "octal escape": ('msgid "a"\nmsgstr "\\101"\n', 2, "“\\101” is not supported"),
    "hex escape": ('msgid "a"\nmsgstr "\\x41"\n', 2, "“\\x41” is not supported"),
    "bell escape": ('msgid "a"\nmsgstr "\\a"\n', 2, "“\\a” is not supported"),
    "unflagged named placeholder dropped": (
        'msgid "Dear %(name)s,"\nmsgstr "Hello,"\n',
        2,
        "“%(name)s” of the source text is missing",
    ),
    "unflagged brace placeholder renamed": (
        'msgid "Dear {name},"\nmsgstr "Hello {nom},"\n',
        2,
        "“{nom}” the source text does not have",
    ),
}


@pytest.mark.parametrize("sample", REFUSED)
def test_a_bad_entry_is_named_with_its_line(sample):
    body, line, words = REFUSED[sample]
    problems = check_po(po(body))
    assert problems, sample
    assert problems[0].line == HEADER_LINES + line, [str(p) for p in problems]
    assert words in problems[0].message, [str(p) for p in problems]
    assert str(problems[0]).startswith(f"line {HEADER_LINES + line}: ")


@pytest.mark.parametrize("sample", REASONS)
def test_an_invalid_format_string_is_refused_with_its_reason(sample):
    body, line, message = REASONS[sample]
    assert [str(p) for p in check_po(po(body))] == [f"line {HEADER_LINES + line}: {message}"]


def test_a_plural_form_without_msgid_plural_is_named_by_its_index():
    problems = check_po(po('msgid "a"\nmsgstr[1] "b"\n'))
    assert [str(p) for p in problems][:1] == [
        f"line {HEADER_LINES + 2}: msgstr[1] without msgid_plural: "
        "an entry without a plural has one msgstr."
    ]


def test_a_brace_placeholder_is_its_field_with_accessors_and_format_spec_as_for_msgfmt():
    assert parse_brace("{a[0]} of {b.c} and {d[key].e}") == {"a[0]", "b.c", "d[key].e"}
    assert parse_brace("{n:>10} {n} {a:{w}} {0!r:^3}") == {"n:>10", "n", "a:{w}", "0:^3"}
    assert parse_brace("{} {:>3} {!r}") == {"0", "1:>3", "2"}
    # Python's three conversions: repr, str, ascii.
    assert parse_brace("{a!r} {b!s} {c!a}") == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{a[}", "a placeholder has an invalid index."),
        ("{a[0}", "a placeholder has an invalid index."),
        ("{a.}", "a placeholder has an invalid attribute."),
    ],
)
def test_a_broken_attribute_or_index_access_is_no_brace_format(text, reason):
    with pytest.raises(FormatError) as raised:
        parse_brace(text)
    assert str(raised.value) == reason


@pytest.mark.parametrize("sample", ACCEPTED)
def test_a_good_entry_passes(sample):
    assert [str(p) for p in check_po(po(ACCEPTED[sample]))] == []


@pytest.mark.parametrize("sample", REFUSED_HEADERS)
def test_plural_forms_must_fit_the_header(sample):
    header, body, words = REFUSED_HEADERS[sample]
    problems = check_po(header + body)
    assert problems
    assert any(words in problem.message for problem in problems), [str(p) for p in problems]


@pytest.mark.parametrize("sample", ACCEPTED_HEADERS)
def test_valid_plural_headers_pass(sample):
    header, body = ACCEPTED_HEADERS[sample]
    assert [str(p) for p in check_po(header + body)] == []


@pytest.mark.parametrize("sample", STRICTER)
def test_stricter_than_msgfmt_where_the_import_needs_it(sample):
    body, line, words = STRICTER[sample]
    problems = check_po(po(body))
    assert [p.line for p in problems] == [HEADER_LINES + line]
    assert words in problems[0].message


def test_the_c_escapes_decode_to_their_control_characters():
    problems = []
    assert decode('"a\\fb\\vc\\bd\\re\\tf\\ng"', 1, problems) == "a\fb\vc\bd\re\tf\ng"
    assert problems == []


def test_flags_are_split_on_commas_only():
    problems = []
    entries = read_entries('#, fuzzy, python-format\nmsgid "a"\nmsgstr "b"\n', problems)
    assert [entry.flags for entry in entries] == [["fuzzy", "python-format"]]


def test_a_plain_msgstr_beside_msgid_plural_is_reported_at_the_msgstr_line():
    entry = Entry(line=3, msgid=Text("a", 3), msgid_plural=Text("as", 4), msgstr=Text("x", 5))
    assert [problem.line for problem in structure_problems(entry)] == [5]


@pytest.mark.parametrize("expression", ["n ? 1 2", "(n", "n ==", "n ? 0"])
def test_a_plural_expression_with_an_unexpected_or_missing_token_is_refused(expression):
    with pytest.raises(PluralError):
        parse_plural(expression)


def test_every_problem_of_a_file_is_listed_in_line_order():
    body = (
        'msgid "a"\nmsgstr "x \\ y"\n\n'
        '#, python-format\nmsgid "%(n)s"\nmsgstr "n"\n\n'
        'msgid "b"\nmsgstr "\\q"\n'
    )
    assert [p.line - HEADER_LINES for p in check_po(po(body))] == [2, 6, 9]


def test_wagtail_localize_export_passes(translation):
    assert check_po(str(translation.export_po())) == []


# --- The same verdicts as GNU gettext's msgfmt -c --------------------------------------------

MSGFMT = shutil.which("msgfmt")


def msgfmt(text, tmp_path):
    if MSGFMT is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt is missing: install gettext (make test does)", pytrace=False)
        pytest.skip("msgfmt is missing: install gettext to compare with it")
    path = tmp_path / "sample.po"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(  # noqa: S603 (a fixed program on a file of the test's own)
        [MSGFMT, "-c", "-o", os.devnull, str(path)], capture_output=True, text=True, check=False
    )
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    return result.returncode, errors


CROSS_CHECKED = {
    **{f"refused: {name}": po(body) for name, (body, _line, _words) in REFUSED.items()},
    **{f"accepted: {name}": po(body) for name, body in ACCEPTED.items()},
    **{f"reason: {name}": po(body) for name, (body, _line, _message) in REASONS.items()},
    **{f"header: {name}": h + b for name, (h, b, _words) in REFUSED_HEADERS.items()},
    **{f"header ok: {name}": h + b for name, (h, b) in ACCEPTED_HEADERS.items()},
}


@pytest.mark.parametrize("sample", CROSS_CHECKED)
def test_msgfmt_agrees(sample, tmp_path):
    text = CROSS_CHECKED[sample]
    returncode, errors = msgfmt(text, tmp_path)
    problems = check_po(text)
    assert bool(problems) == (returncode != 0), (errors, [str(p) for p in problems])
    # Escapes: msgfmt names the line (and column) of the bad string too.
    escape_lines = {int(m.group(1)) for e in errors if (m := re.search(r":(\d+):\d+: invalid", e))}
    if escape_lines:
        assert {p.line for p in problems} == escape_lines


@pytest.mark.parametrize("sample", STRICTER)
def test_msgfmt_accepts_what_is_refused_here_on_purpose(sample, tmp_path):
    body, _line, _words = STRICTER[sample]
    returncode, errors = msgfmt(po(body), tmp_path)
    assert returncode == 0, errors
    assert check_po(po(body))


# --- Through the admin, as a translator -------------------------------------------------------


@pytest.fixture
def translation(db, home, locales):
    _de, en = locales
    page = factories.StandardPageFactory(
        parent=home,
        title="Städte helfen Städten",
        slug="staedte",
        teaser="Lokale Hilfe für lokale Verwaltungen.",
    )
    translate_object(home, [en])
    translate_object(page, [en])
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=en)


@pytest.fixture
def translator(db, django_user_model):
    ensure_roles()
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("tara", "tara@example.org", "pw")
    user.groups.add(Group.objects.get(name=translator_group_name("en")))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def exported_with(translation, translations):
    po_file = translation.export_po()
    for entry in po_file:
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    return str(po_file)


def test_a_translator_upload_with_an_invalid_escape_imports_nothing(
    client, translator, translation
):
    client.force_login(translator)
    segment = StringSegment.objects.filter(
        source=translation.source, string__data="Städte helfen Städten"
    ).get()
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=translation.target_locale,
        data="Cities help cities",
    )
    before = list(StringTranslation.objects.order_by("pk").values())
    text = exported_with(
        translation,
        {
            "Städte helfen Städten": "Cities helping cities",  # a good entry: not imported either
            "Lokale Hilfe für lokale Verwaltungen.": "PLACEHOLDER",
        },
    ).replace('msgstr "PLACEHOLDER"', 'msgstr "Helping \\ local administrations."')
    line = text.split("\n").index('msgstr "Helping \\ local administrations."') + 1
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])

    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": SimpleUploadedFile("staedte-en.po", text.encode(), "text/x-gettext"),
            "next": editor_url,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == editor_url
    assert list(StringTranslation.objects.order_by("pk").values()) == before
    (message,) = [str(m) for m in response.wsgi_request._messages]
    assert message.startswith("The file was not imported, nothing was changed.")
    assert f"line {line}: “\\” is not a valid escape sequence" in message
    # The editor shows the message.
    response = client.get(editor_url)
    assert f"line {line}: " in response.content.decode()


def test_a_translator_upload_of_good_entries_still_imports(client, translator, translation):
    client.force_login(translator)
    text = exported_with(translation, {"Städte helfen Städten": "Cities helping cities"})
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("staedte-en.po", text.encode(), "text/x-gettext"), "next": "/"},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="Cities helping cities").exists()
