"""Checking an uploaded PO file, and planning its import without changing anything."""

import contextlib
import datetime
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import PurePath

import polib
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslationContext,
)

from .checks import check_po

logger = logging.getLogger(__name__)

# The largest upload accepted, in bytes. A PO file of a long page is some tens of kilobytes.
DEFAULT_MAX_UPLOAD_SIZE = 1024 * 1024

ALLOWED_EXTENSIONS = {".po", ".pot"}
# Content types browsers and tools send for PO files; anything else is refused.
ALLOWED_CONTENT_TYPES = {
    "",
    "application/octet-stream",
    "application/x-gettext",
    "application/x-gettext-translation",
    "application/x-po",
    "text/x-gettext",
    "text/x-gettext-translation",
    "text/x-po",
    "text/plain",
}

# The first bytes of common file formats a translator might upload by mistake.
SIGNATURES = [
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),  # also .docx, .xlsx, .odt
    (b"\xd0\xcf\x11\xe0", "Office"),  # .doc, .xls
    (b"\xde\x12\x04\x95", "MO"),  # compiled gettext catalogue
    (b"\x95\x04\x12\xde", "MO"),
    (b"{\\rtf", "RTF"),
]

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
# How many problems of a refused file the message names; the rest are counted.
PROBLEMS_SHOWN = 5
EXPORT_DATE = "POT-Creation-Date"


class UploadError(Exception):
    """An upload that is refused; the message says why, for the translator."""


def max_upload_size():
    return getattr(settings, "LOCALIZATION_PO_MAX_UPLOAD_SIZE", DEFAULT_MAX_UPLOAD_SIZE)


def read_upload(uploaded):
    """The text of an uploaded PO file, or UploadError when it cannot be one."""
    if uploaded is None:
        raise UploadError(_("Please choose a PO file to upload."))
    limit = max_upload_size()
    if uploaded.size is not None and uploaded.size > limit:
        raise UploadError(
            _("The file is too big (%(size)s KB): a PO file may have at most %(limit)s KB.")
            % {"size": -(-uploaded.size // 1024), "limit": limit // 1024}
        )
    extension = PurePath(uploaded.name or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadError(
            _("“%(name)s” is not a PO file: please upload the .po file you downloaded.")
            % {"name": uploaded.name}
        )
    content_type = (uploaded.content_type or "").split(";")[0].strip().lower()
    if content_type not in ALLOWED_CONTENT_TYPES:
        raise UploadError(
            _("The file is of type %(type)s, not a PO file: please upload a .po file.")
            % {"type": content_type}
        )
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise UploadError(
            _("The file is too big: a PO file may have at most %(limit)s KB.")
            % {"limit": limit // 1024}
        )
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise UploadError(
                _("The file is a %(kind)s file, not a PO file: please upload a .po file.")
                % {"kind": kind}
            )
    if b"\x00" in data:
        raise UploadError(_("The file is binary, not a PO file: please upload a .po file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError(
            _("The file is not UTF-8 encoded text: please upload the .po file you downloaded.")
        ) from error


def parse_po(text):
    """A polib.POFile from the text of a PO file, or UploadError when it is malformed."""
    # polib.pofile() reads a file when given a string that happens to be a path: only ever
    # hand it a file of our own.
    handle, path = tempfile.mkstemp(suffix=".po")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        po = polib.pofile(path, encoding="utf-8", check_for_duplicates=True)
    except (OSError, ValueError, LookupError, IndexError, KeyError, UnicodeError) as error:
        # polib reports syntax errors as OSError, duplicate entries as ValueError.
        logger.info("Refused a malformed PO upload: %s", error)
        line = re.search(r"\(line (\d+)\)", str(error))
        if line:
            message = _("The file could not be read as a PO file: syntax error in line %(line)s.")
            raise UploadError(message % {"line": line.group(1)}) from error
        raise UploadError(_("The file could not be read as a PO file.")) from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
    if not len(po) and not po.metadata:
        raise UploadError(_("The file holds no PO entries: please upload a .po file."))
    return po


def check_entries(text):
    """UploadError naming each bad entry by its line, where `msgfmt -c` would refuse the file.

    See `checks`: escapes, line breaks, placeholders, plural forms.
    """
    problems = check_po(text)
    if not problems:
        return
    logger.info("Refused a PO upload with %d problem(s), first: %s", len(problems), problems[0])
    shown = " ".join(f"{problem}" for problem in problems[:PROBLEMS_SHOWN])
    message = _(
        "The file was not imported, nothing was changed. Please correct it: %(problems)s"
    ) % {"problems": shown}
    rest = len(problems) - PROBLEMS_SHOWN
    if rest > 0:
        message += " " + ngettext(
            "(and %(count)s more problem)", "(and %(count)s more problems)", rest
        ) % {"count": rest}
    raise UploadError(message)


def check_translation(po, translation):
    """UploadError unless the PO file was exported for `translation`."""
    found = po.metadata.get(TRANSLATION_ID, "").strip()
    if not found:
        raise UploadError(
            _(
                "The file does not say which translation it belongs to (no %(header)s "
                "header): please upload a PO file downloaded from this translation."
            )
            % {"header": TRANSLATION_ID}
        )
    if found != str(translation.uuid):
        raise UploadError(
            _(
                "This PO file was downloaded for a different translation: please upload the "
                "file downloaded from this page in this language."
            )
        )


def export_date(po):
    """When the file was exported (its POT-Creation-Date), or None if it does not say."""
    value = po.metadata.get(EXPORT_DATE, "").strip()
    try:
        parsed = parse_datetime(value) if value else None
    except ValueError:
        parsed = None
    if parsed is None:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed


@dataclass
class Change:
    """One string translation the import would create or change."""

    context: str  # the segment's path, e.g. "body.3c9….value"
    source: str  # the source text
    current: str | None  # the translation now (None: not translated yet)
    new: str  # the translation from the file
    conflict: bool = False  # the current translation was edited after the export
    obsolete: bool = False  # the source text is no longer used on the page


@dataclass
class Drift:
    """One segment whose source text differs between the file and the current source."""

    context: str
    in_file: str | None  # the source text in the file (None: not in the file)
    current: str | None  # the current source text (None: no longer in the source)


@dataclass
class Plan:
    """What importing a PO file into a translation would do."""

    exported_at: datetime.datetime | None
    changes: list[Change] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)
    skipped: int = 0  # entries import_po would ignore (unknown string or context)

    @property
    def conflicts(self):
        return [change for change in self.changes if change.conflict]

    @property
    def needs_confirmation(self):
        """The file is older than the translation's current state."""
        return bool(self.drift or self.conflicts)

    def fingerprint(self):
        """A digest of the plan, to notice that the translation changed during confirmation."""
        data = [
            [(c.context, c.source, c.current, c.new, c.conflict) for c in self.changes],
            [(d.context, d.in_file, d.current) for d in self.drift],
        ]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def plan_import(po, translation):
    """What `translation.import_po(po)` would change, worked out without changing anything.

    Follows `Translation.import_po` entry by entry (same lookups, same rules for blank and unknown
    entries), with a constant number of queries.
    """
    source = translation.source
    exported_at = export_date(po)
    plan = Plan(exported_at=exported_at)

    segments = list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("string", "context")
    )
    current_by_path = {segment.context.path: segment.string.data for segment in segments}
    used = {(segment.string_id, segment.context_id) for segment in segments}

    # Source drift: the file's source texts against the current ones (obsolete entries are
    # the file's reference copies of former texts, not part of the comparison).
    in_file: dict[str, str] = {}
    for entry in po:
        if not entry.obsolete:
            in_file.setdefault(entry.msgctxt or "", entry.msgid)
    for path, text in in_file.items():
        if current_by_path.get(path) != text:
            plan.drift.append(Drift(path, text, current_by_path.get(path)))
    for path, text in current_by_path.items():
        if path not in in_file:
            plan.drift.append(Drift(path, None, text))

    # Every entry's string and context, blank ones included: import_po skips a blank entry
    # silently only when it knows both.
    strings = {
        string.data_hash: string
        for string in String.objects.filter(
            locale_id=source.locale_id,
            data_hash__in={String._get_data_hash(entry.msgid) for entry in po},
        )
    }
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(
            object_id=source.object_id, path__in={entry.msgctxt for entry in po}
        )
    }
    existing = {
        (st.translation_of_id, st.context_id): st
        for st in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id, context__object_id=source.object_id
        )
    }
    planned: dict[tuple[int, int], Change] = {}
    for entry in po:
        context = contexts.get(entry.msgctxt)
        string = strings.get(String._get_data_hash(entry.msgid))
        if context is None or string is None:
            plan.skipped += 1
            continue
        if not entry.msgstr:
            continue
        key = (string.pk, context.pk)
        current = existing.get(key)
        if key not in used and current is None:
            plan.skipped += 1
            continue
        if current is not None and current.data == entry.msgstr:
            planned.pop(key, None)  # a later entry may undo an earlier one
            continue
        conflict = current is not None and (exported_at is None or current.updated_at > exported_at)
        planned[key] = Change(
            context=context.path,
            source=string.data,
            current=current.data if current is not None else None,
            new=entry.msgstr,
            conflict=conflict,
            obsolete=key not in used,
        )
    plan.changes = list(planned.values())
    return plan
