"""Safe PO round trips: wagtail-localize's PO upload, guarded.

Translators download a PO file from wagtail-localize's translation editor and upload it back.
Upstream imports whatever it is given; here an upload is first checked, and nothing changes
unless it passes:

- `upload.read_upload` refuses what is not a PO file at all: too big, binary (a PNG, a .docx
  renamed to .po), of a foreign content type or file name extension, not UTF-8;
- `upload.parse_po` refuses what polib cannot parse (or parses with duplicate entries);
- `upload.check_translation` refuses a file exported for another translation;
- `upload.check_entries` refuses what `msgfmt -c` would refuse (`checks`: invalid escapes,
  placeholders not kept, plural forms that do not fit the header), naming each bad entry's line;
- `upload.plan_import` works out exactly what importing would change, and whether the file is
  older than the translation's current state: its source texts differ from the current source
  (the source changed since the export), or it would overwrite strings edited after the export.
  Such an upload needs an explicit confirmation that lists every change.

`views` holds the views; `wagtail_hooks` puts the upload view on wagtail-localize's own URL.
"""
