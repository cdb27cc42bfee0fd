"""Bilingual demo content for `manage.py seed_demo`, written as Python data.

The content comes from the seeds in the project brief (German source, English translation):
`taxonomy` and `media` hold the snippets, images and documents; `site`, `events`,
`practices` and `media_centre` the pages; `seed` builds them with the factories of
`pages.factories` and translates every German object into English through wagtail-localize.
"""

from . import events, media_centre, practices, site


def page_specs(today):
    """Every demo page in tree order (parents first); dates relative to `today` where noted."""
    return [
        *site.page_specs(),
        *events.page_specs(today),
        *practices.page_specs(),
        *media_centre.page_specs(),
    ]
