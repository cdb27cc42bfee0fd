"""The visitor's search page at /<lang>/search/: a thin layer over `search.service`.

Every link the page builds (filter chips, "clear all", pagination) comes from the validated
`SearchQuery`, so a shared URL always means the same search. A bad parameter is dropped and
named in a notice (status 400, or 404 for a page past the end); the rest of the search still
answers.
"""

from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search.service import InvalidParameter, parse_query, run


def search(request):
    params = request.GET.copy()
    errors = []
    while True:
        try:
            result = run(parse_query(params, get_language()))
            break
        except InvalidParameter as error:
            if error.param not in params:  # "lang" comes from the path: cannot happen here
                raise
            errors.append(error)
            del params[error.param]
    query = result.query
    context = {
        "result": result,
        "query": query,
        "search_query": query.text,  # the header's search box
        "errors": errors,
        "active_filters": [
            {"facet": facet, "value": value, "url": _url(query.toggled(facet.name, value.value))}
            for facet in result.facets
            for value in facet.selected
        ],
        "clear_filters_url": _url(query.replace(filters={}, page=1)),
        "results_page": Paginator(range(result.total), query.page_size).get_page(query.page),
        # What the pagination component keeps of "the request": the validated parameters.
        "canonical": SimpleNamespace(GET=QueryDict(urlencode(query.params()))),
        # The same for canonical and hreflang links (never whatever else the URL held).
        "defining_params": query.params(),
        "meta_title": _("Search"),
    }
    status = errors[0].status if errors else 200
    return render(request, "search/search.html", context, status=status)


def _url(query):
    params = query.params()
    return reverse("search") + ("?" + urlencode(params) if params else "")
