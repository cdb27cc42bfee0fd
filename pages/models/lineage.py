"""Helpers that follow links between pages across languages.

Relations are stored once (a translation copies its source's links), so a link may point at a
page of the other language. These helpers return, for each linked item, its live version in the
visitor's language where one exists, else the live source.
"""

from wagtail.models import Page

from pages import content_cache, visibility


def one_per_item(pages, locale_id=None):
    """Reduce pages that may include several translations of one item to one per item.

    Prefers the version in the locale `locale_id` (default: the active one); keeps the input
    order of first appearance. Only live, public pages count.
    """
    locale_id = locale_id or content_cache.active_locale_id()
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    if not keys:
        return []
    candidates = (
        visibility.public(Page.objects.live())
        .filter(translation_key__in=keys)
        .select_related("locale")
        .specific()
    )
    best = {}
    for page in candidates:
        current = best.get(page.translation_key)
        if current is None or page.locale_id == locale_id:
            best[page.translation_key] = page
    ordered, seen = [], set()
    for page in pages:
        if page.translation_key in best and page.translation_key not in seen:
            seen.add(page.translation_key)
            ordered.append(best[page.translation_key])
    return ordered
