"""Which pages are public, answered from pages.content_cache.

Wagtail's `PageQuerySet.public()` loads every PageViewRestriction each time it is called (one
query per listing, per home page teaser, per "in this section"), and serving a page loads its
ancestors and their restrictions. Both answers change only with a privacy rule, a move or a
publish, all of which make the content cache stale (pages.page_cache), so they are kept there:

- `PortalPageQuerySet.private_q()` (the manager of every portal page, `BasePage.objects`)
  builds Wagtail's condition from the cached list of restricted sections;
  `public(queryset)` applies it to any page queryset (`get_children()` gives Wagtail's own).
- `is_restricted(page)`: whether any view restriction applies to the page; `BasePage`'s
  `get_view_restrictions()` answers an empty queryset without a query when none does.

With `CONTENT_CACHE_SECONDS` at 0 both read the database every time, as Wagtail does.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from pages import content_cache


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page that carries a view restriction."""
    return content_cache.get_or_build(
        "restricted-sections",
        build=lambda: list(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
    )


def private_q() -> Q:
    """Wagtail's `PageQuerySet.private_q()`, from the cached sections."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    # Matches nothing when no section is private, as Wagtail's.
    return q if q else Q(pk__in=[])


def public(queryset):
    """`queryset.public()` without its query (any page queryset)."""
    return queryset.exclude(private_q())


def is_restricted(page, load) -> bool:
    """Whether view restrictions apply to `page`; `load()` returns them (Wagtail's query)."""
    return content_cache.get_or_build("restricted", page.pk, build=lambda: load().exists())


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        return private_q()


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)
