"""Wagtail admin hooks of the localization app; each feature keeps its hooks in its own module."""

from localization import sync_hooks  # noqa: F401
from localization.po import wagtail_hooks as po_hooks  # noqa: F401
from localization.roles import hooks as roles_hooks  # noqa: F401
from localization.status import hooks as status_hooks  # noqa: F401
