"""Hand-made mutants of the behaviours issue 14 found untested, each against the test that pins it.

A quick complement to `make mutation` (about 15 minutes instead of hours): the project is copied
to a temporary directory, each change below is made there one at a time, and the named test must
fail. The working tree is never touched. A change whose source line no longer exists (the code
moved on) is reported as stale: update it here.

Usage: python tools/mutation_spot.py [SUBSTRING]  (only the mutants whose file or test has it)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "mutants", "media", "test-artifacts", "node_modules", "*.sqlite3*"
)

# (file, source text, the change, the test that must fail), the tests under tests/.
MUTANTS = [
    (
        "search/service.py",
        'backend.name == "database":\n            raise\n        fallen_back(backend, "using the database"',
        'backend.name != "database":\n            raise\n        fallen_back(backend, "using the database"',
        "search/test_contract_database.py::test_an_unreachable_elasticsearch_leaves_the_search_to_the_database",
    ),
    (
        "search/backends/database.py",
        "for entry_id, _score in rows) & of_language",
        "for entry_id, _score in rows)",
        "search/test_contract_database.py::test_a_word_matches_only_text_in_its_own_language",
    ),
    (
        "search/bitmaps.py",
        "if token == _current.token and token is not None:",
        "if token == _current.token or token is not None:",
        "search/test_contract_database.py::test_an_index_change_by_another_process_reloads_the_facet_bitmaps",
    ),
    (
        "search/documents.py",
        "return queryset.live().public().filter(alias_of__isnull=True)",
        "return queryset.live().public()",
        "search/test_documents.py::test_an_alias_is_kept_out_of_the_index_and_its_source_stands_in",
    ),
    (
        "search/documents.py",
        "return min(translations, key=lambda page: page.pk)",
        "return max(translations, key=lambda page: page.pk)",
        "search/test_documents.py::test_the_oldest_translation_alone_stands_in_for_a_missing_language",
    ),
    (
        "search/documents.py",
        "*(missing if page is source else [])",
        "*missing",
        "search/test_documents.py::test_the_oldest_translation_alone_stands_in_for_a_missing_language",
    ),
    (
        "search/service.py",
        "if query.page > 1 and query.offset >= raw.total:",
        "if query.page > 1 and query.offset > raw.total:",
        "search/test_contract_database.py::test_the_last_page_is_exact_and_the_next_is_not_found_with_the_page_count",
    ),
    (
        "search/service.py",
        '"pages": -(-raw.total // query.page_size)',
        '"pages": -(-raw.total // query.page)',
        "search/test_contract_database.py::test_the_last_page_is_exact_and_the_next_is_not_found_with_the_page_count",
    ),
    (
        "localization/po/upload.py",
        "if uploaded.size is not None and uploaded.size > limit:",
        "if uploaded.size is not None and uploaded.size >= limit:",
        "localization/test_po_upload.py::test_a_file_exactly_at_the_size_limit_is_read_one_byte_more_is_refused",
    ),
    (
        "localization/po/upload.py",
        "if len(data) > limit:",
        "if len(data) >= limit:",
        "localization/test_po_upload.py::test_a_file_exactly_at_the_size_limit_is_read_one_byte_more_is_refused",
    ),
    (
        "localization/po/upload.py",
        'extension = PurePath(uploaded.name or "").suffix.lower()',
        'extension = PurePath(uploaded.name or "").suffix',
        "localization/test_po_upload.py::test_an_upper_case_extension_is_a_po_file",
    ),
    (
        "localization/po/upload.py",
        "parsed = timezone.make_aware(parsed, datetime.UTC)",
        "parsed = timezone.make_aware(parsed)",
        "localization/test_po_upload.py::test_the_export_date_is_read_in_its_time_zone",
    ),
    (
        "localization/po/upload.py",
        "        if not entry.obsolete:\n",
        "        if True:\n",
        "localization/test_po_upload.py::test_obsolete_entries_of_a_file_are_no_source_drift",
    ),
    (
        "localization/po/upload.py",
        "            plan.drift.append(Drift(path, None, text))",
        "            pass",
        "localization/test_po_upload.py::test_a_segment_missing_from_the_file_is_source_drift",
    ),
    (
        "localization/po/upload.py",
        "obsolete=key not in used,",
        "obsolete=False,",
        "localization/test_po_upload.py::test_a_translation_of_a_former_source_text_is_updated_and_marked_obsolete",
    ),
    (
        "localization/sync.py",
        "source.translations.filter(enabled=True)",
        "source.translations.filter()",
        "localization/test_roles.py::test_a_stopped_translation_keeps_its_own_privacy",
    ),
    (
        "localization/sync.py",
        "object_id=page.translation_key, locale_id=page.locale_id",
        "object_id=page.translation_key",
        "localization/test_roles.py::test_a_private_translation_leaves_its_source_and_the_other_translations_alone",
    ),
    (
        "localization/sync.py",
        "return instance.specific.get_latest_revision_as_object()",
        "return instance.specific",
        "localization/test_nothing_lost.py::test_a_restart_weighs_the_latest_draft_of_the_translation",
    ),
    (
        "localization/sync.py",
        "if any(len(found) != positions[path] for path, found in texts.items()):",
        "if False:",
        "localization/test_nothing_lost.py::test_edits_with_more_segments_than_the_source_do_not_fit_and_change_nothing",
    ),
    (
        "localization/sync.py",
        "if existing is None and text == segment.string.data:",
        "if False:",
        "localization/test_nothing_lost.py::test_kept_edits_store_no_translation_for_text_left_untranslated",
    ),
    (
        "localization/status/query.py",
        'key=lambda s: (not translations.get(s["id"]), s["id"])',
        'key=lambda s: s["id"]',
        "localization/test_status.py::test_the_source_with_translations_is_preferred_over_an_older_one_without",
    ),
    (
        "localization/status/query.py",
        '            if row["alias_of_id"] is None:\n                by_language',
        "            if True:\n                by_language",
        "localization/test_status.py::test_an_alias_counts_as_missing",
    ),
    (
        "localization/status/query.py",
        'locale_id=OuterRef(OuterRef("target_locale_id")),\n',
        "",
        "localization/test_status.py::test_progress_counts_only_error_free_translations_into_the_cells_language",
    ),
    (
        "localization/status/query.py",
        "                has_error=False,\n",
        "",
        "localization/test_status.py::test_progress_counts_only_error_free_translations_into_the_cells_language",
    ),
    (
        "localization/status/query.py",
        "languages = [language] if language else list(item.cells)",
        "languages = list(item.cells)",
        "localization/test_status.py::test_a_status_filter_applies_to_the_chosen_language",
    ),
]


def main() -> int:
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [m for m in MUTANTS if only in m[0] or only in m[3]]
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.mutation")
    pytest = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--reuse-db"]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="mutation-spot-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=IGNORE)
        for path, old, new, test in chosen:
            file = copy / path
            original = file.read_text()
            label = f"{path}: {old.strip()[:60]!r} -> {new.strip()[:40]!r}"
            if original.count(old) != 1:
                print(f"STALE     {label}", flush=True)
                failures += 1
                continue
            file.write_text(original.replace(old, new))
            start = time.monotonic()
            try:
                run = subprocess.run(  # noqa: S603 (our own interpreter and test ids)
                    [*pytest, f"tests/{test}"], cwd=copy, env=env, capture_output=True, text=True
                )
            finally:
                file.write_text(original)
            status = {1: "KILLED", 0: "SURVIVED"}.get(run.returncode, f"ERROR({run.returncode})")
            failures += status != "KILLED"
            print(f"{status:9} {time.monotonic() - start:4.0f} s  {label}", flush=True)
    print(f"{len(chosen) - failures} of {len(chosen)} killed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
