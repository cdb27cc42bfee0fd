"""Site search. For now a plain full-text search over live, public pages of the visitor's
language with Wagtail's search backend; faceting by region and theme comes with the search
contract (see the README's roadmap)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "results": results})
