"""Downloads of the practices, events and projects a search selects, as CSV or JSON.

/<lang>/open-data/<practices|events|projects>.<csv|json>?<the search's parameters>

The parameters are the search's, parsed and checked by `search.service.parse_query` (the same
errors: 400 with {"error": {"parameter", "message"}}); the items are the search's hits of the
download's type, every one of them (`page` is checked but does not cut), in the search's order,
in the URL's language with the search's fallback to the source language. Rows are written
while the database is read in batches of BATCH pages (StreamingHttpResponse), so memory stays
the same whether 100 or 10,000 rows are sent.
"""

import csv
import json
from itertools import islice

from django.conf import settings
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from opendata.columns import KINDS
from search.documents import findable_pages
from search.service import InvalidParameter, matching_page_ids, parse_query

BATCH = 500
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def rows(kind, page_ids, request, language):
    """Each item as {column name: value}, loaded BATCH pages at a time. Pages are loaded through
    the findable rule again: one made private since it was indexed is left out."""
    with translation.override(language):
        for batch in batches(page_ids, BATCH):
            pages = (
                findable_pages(kind.model.objects)
                .filter(pk__in=batch)
                .select_related(*kind.select_related)
                .prefetch_related(*kind.prefetch_related)
                .in_bulk()
            )
            for pk in batch:
                page = pages.get(pk)
                if page is None:
                    continue
                page.export_url = page.get_full_url(request)
                yield {column.name: column.value(page) for column in kind.columns}


class Echo:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, value):
        return value


def csv_lines(kind, records):
    writer = csv.writer(Echo())
    yield writer.writerow([column.name for column in kind.columns])
    for record in records:
        yield writer.writerow(
            [("true" if v else "false") if isinstance(v, bool) else v for v in record.values()]
        )


def json_chunks(kind, records, language, source):
    licence = settings.OPEN_DATA_LICENCE
    head = {
        "type": kind.type,
        "language": language,
        "source": source,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "licence": {
            "name": licence["name"],
            "url": licence["url"],
            "attribution": licence["attribution"],
        },
        "columns": {column.name: column.description for column in kind.columns},
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['
    for number, record in enumerate(records):
        yield ("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


@require_GET
def export(request, kind, fmt):
    kind = KINDS.get(kind)
    if kind is None or fmt not in FORMATS:
        raise Http404("No such download.")
    language = translation.get_language()
    try:
        query = parse_query(request.GET, language)
    except InvalidParameter as error:
        body = {"error": {"parameter": error.param, "message": error.message}}
        return JsonResponse(body, status=error.status)
    # The search's hits of this download's type: a type selection without it selects none.
    types = query.selected("type")
    if types and kind.type not in types:
        page_ids = iter(())
    else:
        page_ids = matching_page_ids(
            query.replace(filters={**dict(query.filters), "type": [kind.type]}, page=1)
        )
    records = rows(kind, page_ids, request, language)
    if fmt == "csv":
        content = csv_lines(kind, records)
    else:
        content = json_chunks(kind, records, language, request.build_absolute_uri())
    response = StreamingHttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="connective-cities-{kind.name}-{language}.{fmt}"'
    )
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    response["X-Robots-Tag"] = "noindex"
    return response
