"""Translation catalogues: complete, clean, in step with the source, and used at runtime.

The catalogues in locale/ are regenerated from the project root with

    .venv/bin/python manage.py makemessages -l de -l en --no-obsolete \\
        --ignore=.venv --ignore=node_modules --ignore=bench --ignore=tests \\
        --ignore=static_collected --ignore=media --ignore=test-artifacts --ignore=demo \\
        --ignore=mutants

(demo/ holds German demo content, not UI strings; mutants/ is the altered copy that `make mutation`
leaves). Every entry is then translated: German into German, English with msgstr = msgid, so that
"nothing untranslated, nothing fuzzy" holds for every catalogue alike. `make messages` compiles them; the .mo files are not committed.
"""

import fnmatch
import os
import re
import shutil
import time
from collections import Counter
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext, pgettext

from pages.models import EventPage
from pages.templatetags.portal_tags import date_range

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The --ignore patterns of the makemessages command in the module docstring.
IGNORE_PATTERNS = [
    ".venv",
    "node_modules",
    "bench",
    "tests",
    "static_collected",
    "media",
    "test-artifacts",
    "demo",
    "mutants",
]
# What makemessages scans for the "django" domain.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
# Extracting the messages runs xgettext and msgmerge: keep it quick.
EXTRACTION_SECONDS = 15

PLACEHOLDER = re.compile(
    r"%\((?P<named>\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"  # %(name)s
    r"|%(?P<positional>[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa])"  # %s, %d
    r"|\{(?P<brace>\w*)\}"  # {name}, {}
)


def catalogue_path(language):
    return BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"


def load(language):
    path = catalogue_path(language)
    assert path.is_file(), f"{path.relative_to(BASE_DIR)} is missing: run makemessages"
    return polib.pofile(str(path))


def label(entry):
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def placeholders(text):
    """The placeholders of a message, as a multiset ("%%" is a literal percent sign)."""
    found = Counter()
    for match in PLACEHOLDER.finditer(text.replace("%%", "")):
        kind = match.lastgroup
        found[(kind, match.group(kind))] += 1
    return found


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


# --- Catalogue content --------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header(language):
    catalogue = load(language)
    assert catalogue.metadata.get("Language") == language
    assert "charset=UTF-8" in catalogue.metadata.get("Content-Type", "")
    assert catalogue.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert not catalogue.metadata_is_fuzzy, "the header is still marked fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_fully_translated(language):
    catalogue = load(language)
    untranslated = [label(entry) for entry in catalogue.untranslated_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    fuzzy = [label(entry) for entry in catalogue.fuzzy_entries()]
    assert not fuzzy, f"fuzzy in {language} (check them, then drop the flag): {fuzzy}"
    obsolete = [label(entry) for entry in catalogue.obsolete_entries()]
    assert not obsolete, f"obsolete in {language} (makemessages --no-obsolete): {obsolete}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for entry in load(language).translated_entries():
        if entry.msgid_plural:
            expected = placeholders(entry.msgid_plural)
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        else:
            expected = placeholders(entry.msgid)
            forms = [entry.msgstr]
        wrong += [(label(entry), form) for form in forms if placeholders(form) != expected]
    assert not wrong, f"placeholders differ from the msgid in {language}: {wrong}"


def test_english_catalogue_repeats_the_msgids():
    wrong = []
    for entry in load("en").translated_entries():
        if entry.msgid_plural:
            if [entry.msgstr_plural[0], entry.msgstr_plural[1]] != [
                entry.msgid,
                entry.msgid_plural,
            ]:
                wrong.append(label(entry))
        elif entry.msgstr != entry.msgid:
            wrong.append(label(entry))
    assert not wrong, f"English msgstr differs from its msgid: {wrong}"


# --- In step with the source --------------------------------------------------------------


def _skipped(relative):
    """Directories makemessages does not scan (--ignore, hidden ones) or that hold no source."""
    name = relative.name
    return (
        name.startswith(".")
        or name in ("locale", "__pycache__")
        or any(
            fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(relative.as_posix(), pattern)
            for pattern in IGNORE_PATTERNS
        )
    )


def copy_sources(target):
    """Copy the files makemessages would scan; it writes work files next to the templates."""
    for dirpath, dirnames, filenames in os.walk(BASE_DIR):
        relative = Path(dirpath).relative_to(BASE_DIR)
        dirnames[:] = [name for name in dirnames if not _skipped(relative / name)]
        for filename in filenames:
            if Path(filename).suffix in SOURCE_SUFFIXES:
                destination = target / relative / filename
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(Path(dirpath) / filename, destination)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages makemessages finds in the current source, read from its .pot file."""
    assert shutil.which("xgettext") and shutil.which("msgmerge"), (
        "GNU gettext is needed (make gettext)"
    )
    root = tmp_path_factory.mktemp("makemessages")
    copy_sources(root)
    locale_dir = root / "locale"
    locale_dir.mkdir()
    started = time.monotonic()
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[locale_dir]):
        patch.chdir(root)
        call_command(
            "makemessages",
            locale=[LANGUAGES[0]],
            ignore_patterns=IGNORE_PATTERNS,
            no_obsolete=True,
            keep_pot=True,
            verbosity=0,
        )
    elapsed = time.monotonic() - started
    assert elapsed < EXTRACTION_SECONDS, f"makemessages took {elapsed:.1f} s"
    pot = polib.pofile(str(locale_dir / "django.pot"))
    return {key(entry): entry for entry in pot}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_up_to_date_with_the_source(language, extracted):
    catalogue = {key(entry): entry for entry in load(language) if not entry.obsolete}
    missing = [label(extracted[k]) for k in extracted.keys() - catalogue.keys()]
    assert not missing, f"new messages, not yet in {language} (run makemessages): {missing}"
    stale = [label(catalogue[k]) for k in catalogue.keys() - extracted.keys()]
    assert not stale, f"messages no longer in the source, still in {language}: {stale}"


def test_extraction_finds_the_portal_strings(extracted):
    msgids = {msgid for _context, msgid, _plural in extracted}
    assert {"Call for participants", "Skip to main content", "Dialogue event"} <= msgids
    assert (None, "%(counter)s entry", "%(counter)s entries") in extracted
    assert ("date format", "j F Y", None) in extracted


# --- Runtime ------------------------------------------------------------------------------


@pytest.fixture
def compiled():
    for language in LANGUAGES:
        po = catalogue_path(language)
        mo = po.with_suffix(".mo")
        assert mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime, (
            f"{mo.relative_to(BASE_DIR)} is missing or older than its .po: run make messages"
        )


def test_german_is_translated_at_runtime(compiled):
    with translation.override("de"):
        assert gettext("Call for participants") == "Teilnahmeaufruf"
        assert str(EventPage._meta.verbose_name) == "Veranstaltung"
        assert pgettext("date format", "j F Y") == "j. F Y"
    with translation.override("en"):
        assert gettext("Call for participants") == "Call for participants"
        assert str(EventPage._meta.verbose_name) == "event"


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("de", date(2017, 10, 18), None, "18. Oktober 2017"),
        ("de", date(2017, 10, 18), date(2017, 10, 20), "18.–20. Oktober 2017"),
        ("de", date(2017, 9, 28), date(2017, 10, 2), "28. September – 2. Oktober 2017"),
        ("de", date(2017, 12, 30), date(2018, 1, 2), "30. Dezember 2017 – 2. Januar 2018"),
        ("en", date(2017, 10, 18), date(2017, 10, 20), "18–20 October 2017"),
        ("en", date(2017, 9, 28), date(2017, 10, 2), "28 September – 2 October 2017"),
    ],
)
def test_date_ranges_follow_each_language(compiled, language, start, end, expected):
    with translation.override(language):
        html = str(date_range(start, end))
    assert re.sub(r"<[^>]+>", "", html) == expected
