"""Admin screens of the community app; each channel keeps its screens in its own module."""

from community.experts import admin as experts_admin  # noqa: F401
from community.newsletter import admin as newsletter_admin  # noqa: F401
from community.proposals import admin as proposals_admin  # noqa: F401
