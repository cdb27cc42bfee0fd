"""The search tests' bilingual site (tests/search/conftest.py), with its pages that must never be
listed (a draft, a private page, a page under a private section, an unpublished translation,
the unpublished draft of a live page), each containing SECRET."""

from tests.search.conftest import search_site  # noqa: F401 (a fixture)
