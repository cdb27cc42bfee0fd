"""The search API at /api/search/: the HTML page's parameters, plus `lang`, answered in JSON;
and suggestions while typing at /api/search/suggest/?lang=&q=.

    {"total", "page", "pages", "results": [{"title", "url", "type", "locale", "date", "snippet",
     "regions", "in_other_language"}], "facets": {name: [{"value", "label", "count",
     "selected"}, ...]}}

Values of hierarchical facets (themes) carry their `children`; `notices` says, for example, that
the database answered because Elasticsearch could not. A bad parameter answers 400 (a page past
the end 404) with {"error": {"parameter", "message"}}.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from search.documents import languages
from search.registry import TYPE_FACET, get_facet
from search.service import InvalidParameter, parse_query, run
from search.service import suggest as suggest_titles


@require_GET
def search(request):
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    # Messages in the language asked for; for an unknown one, in the visitor's.
    known = language in languages()
    with translation.override(language if known else translation.get_language()):
        try:
            result = run(parse_query(request.GET, language))
        except InvalidParameter as error:
            body = {"error": {"parameter": error.param, "message": error.message}}
            return JsonResponse(body, status=error.status)
    return JsonResponse(
        {
            "total": result.total,
            "page": result.query.page,
            "pages": result.pages,
            "results": [_hit(request, hit) for hit in result.hits],
            "facets": {facet.name: _values(facet) for facet in result.facets},
            "notices": list(result.notices),
        }
    )


def _hit(request, hit):
    return {
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url),
        "type": hit.type,
        "locale": hit.language,
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": hit.snippet,
        "regions": list(hit.labels.get("region", ())),
        "in_other_language": hit.in_other_language,
    }


def _values(facet):
    definition = get_facet(facet.name)
    hierarchical = bool(definition and definition.parents)

    def value(v):
        item = {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
        if hierarchical:
            item["children"] = [value(child) for child in v.children]
        return item

    return [value(v) for v in facet.values]


@require_GET
def suggest(request):
    """{"suggestions": [{"title", "url", "type", "type_label", "language"}]}: titles shown in
    `lang` with every word of `q` (the last may be unfinished); empty below two characters.
    An unknown `lang` answers 400 as the search does."""
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    known = language in languages()
    with translation.override(language if known else translation.get_language()):
        try:
            found = suggest_titles(request.GET.get("q", ""), language)
        except InvalidParameter as error:
            body = {"error": {"parameter": error.param, "message": error.message}}
            return JsonResponse(body, status=error.status)
        labels = TYPE_FACET.labels(language)
        response = JsonResponse(
            {
                "suggestions": [
                    {
                        "title": item.title,
                        "url": request.build_absolute_uri(item.url),
                        "type": item.type,
                        "type_label": labels.get(item.type, item.type),
                        "language": item.language,
                    }
                    for item in found
                ]
            }
        )
    # Answers change only when the index does; a minute in a browser's cache spares
    # the server the same prefix typed again (backspace, a second visit).
    response["Cache-Control"] = "public, max-age=60"
    return response
