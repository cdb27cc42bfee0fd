"""Every demo page, in tree order."""

from . import community, events, legal, media_centre, practices, site


def page_specs(today):
    """Every demo page in tree order (parents first); dates relative to `today` where noted."""
    return [
        *site.page_specs(),
        *events.page_specs(today),
        *practices.page_specs(),
        *media_centre.page_specs(),
        *legal.page_specs(),
        *community.page_specs(),
    ]
