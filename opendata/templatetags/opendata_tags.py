"""`{% downloads page_or_result as links %}`: CSV and JSON downloads of a section or a search."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse

from opendata.columns import KIND_OF_TYPE
from search.contract import SearchResult
from search.registry import type_for_model

register = template.Library()


def urls(kind, params=()):
    query = f"?{urlencode(params)}" if params else ""
    return {
        fmt: reverse("opendata_export", kwargs={"kind": kind.name, "fmt": fmt}) + query
        for fmt in ("csv", "json")
    }


@register.simple_tag
def downloads(subject):
    """[{"label", "count", "csv", "json"}]: for a search result, one entry per downloadable
    type among its hits, with the search's own parameters (without type and page: a download
    holds every hit of its type); for a section index page, all of its type."""
    if isinstance(subject, SearchResult):
        params = [(k, v) for k, v in subject.query.params() if k not in ("type", "page")]
        facet = subject.facet("type")
        links = []
        for value in facet.values if facet else ():
            kind = KIND_OF_TYPE.get(value.value)
            if kind and value.count and (value.selected or not facet.selected):
                links.append({"label": value.label, "count": value.count, **urls(kind, params)})
        return links
    listed = getattr(subject, "listing_model", None)
    searchable = type_for_model(listed) if listed else None
    kind = KIND_OF_TYPE.get(searchable.key) if searchable else None
    if kind is None:
        return []
    return [
        {"label": str(listed._meta.verbose_name_plural).capitalize(), "count": None, **urls(kind)}
    ]


@register.simple_tag
def open_data_licence():
    return settings.OPEN_DATA_LICENCE
