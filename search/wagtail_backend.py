"""Wagtail's own search backend (admin listings, choosers, the admin API), safe for any query text.

`WAGTAILSEARCH_BACKENDS` names this module: it builds django-modelsearch's database backend for
the database in use (FTS5 on SQLite, tsvector on PostgreSQL, the fallback elsewhere) and cleans
every query before it is compiled. Checked against modelsearch 1.3.2, where:

1. SQLite: each term is wrapped in double quotes for FTS5's MATCH without doubling the quotes
   inside it (`modelsearch.backends.database.sqlite.query.Lexeme`), so a `"` typed into the
   page chooser answered 500 ("unterminated string"), and `""` an FTS5 syntax error.
2. PostgreSQL: a NUL character in the query makes psycopg refuse the statement (500).
3. A query of thousands of words becomes an expression too deep for FTS5 and slow everywhere.

No tokenizer treats quotes or control characters as parts of words, so removing them changes
no result; the query is capped at `MAX_TERMS` words. Remove item 1 when `Lexeme.as_sql` escapes
`"` (write `""`), and this module when all three are handled upstream: tests/search/
test_wagtail_backend.py sends every hostile query to every search entry point.
"""

import re
import unicodedata
from typing import Any

from django.db.models import QuerySet
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import MATCH_ALL, And, Boost, Fuzzy, Not, Or, Phrase, PlainText, SearchQuery

# More words than anyone types into a search box; each becomes one term of the compiled query.
MAX_TERMS = 32
MAX_TERM_LENGTH = 100
# Double quotes end FTS5 strings (see 1 above); control characters (NUL above all) are no text.
_NOT_TEXT = re.compile(r'["\x00-\x1f\x7f-\x9f]')


def clean_text(text: str) -> str:
    """The words of `text` without quotes or control characters, at most MAX_TERMS of them."""
    text = "".join(" " if unicodedata.category(c) in ("Cs", "Co") else c for c in text)
    words = _NOT_TEXT.sub(" ", text).split()
    return " ".join(word[:MAX_TERM_LENGTH] for word in words[:MAX_TERMS])


def clean_query(query: Any) -> Any:
    """`query` (a string or a modelsearch SearchQuery) with every text in it cleaned.

    A query with no text left becomes "" (the backend then answers no results).
    """
    if isinstance(query, str):
        return clean_text(query)
    if isinstance(query, PlainText | Phrase | Fuzzy):
        query.query_string = clean_text(query.query_string)
        return query if query.query_string else ""
    if isinstance(query, And | Or):
        subqueries = [sub for sub in map(clean_query, query.subqueries) if sub != ""]
        if not subqueries:
            return ""
        query.subqueries = subqueries
        return query if len(subqueries) > 1 else subqueries[0]
    if isinstance(query, Not | Boost):
        query.subquery = clean_query(query.subquery)
        return query if query.subquery != "" else ""
    if isinstance(query, SearchQuery) or query is None:
        return query  # MatchAll and the like carry no text
    raise TypeError(f"Cannot search for {query!r}")


class CleanQueryMixin:
    """Cleans the query of `search()` and `autocomplete()` (both go through `_search`)."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = clean_query(query)
        if query == "":
            # No text left: no results, but results of the model (admin listings read it).
            if not isinstance(model_or_queryset, QuerySet):
                model_or_queryset = model_or_queryset.objects.all()
            query, model_or_queryset = MATCH_ALL, model_or_queryset.none()
        return super()._search(  # type: ignore[misc]
            query_compiler_class, query, model_or_queryset, **kwargs
        )


_classes: dict[type, type] = {}


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """modelsearch's database backend for the connection's vendor, with cleaned queries."""
    backend_class = type(database_backend(params))
    if backend_class not in _classes:
        _classes[backend_class] = type(
            f"Clean{backend_class.__name__}", (CleanQueryMixin, backend_class), {}
        )
    return _classes[backend_class](params)
