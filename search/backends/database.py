"""The embedded default: search with the database's own full-text engine.

A search costs a fixed number of SQL queries, whatever the number of facet values: one count,
one page of hits, one query for the counts of every facet without a selection, and one per
facet with a selection (disjunctive counts). Relevance comes from FTS5's bm25 (SQLite) or
ts_rank (PostgreSQL), computed once per matching row.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL

from search.backends.base import SearchBackend
from search.contract import BackendHit, BackendResult
from search.documents import languages
from search.models import IndexEntry, IndexFacet
from search.text import analyse, query_terms, snippet

FTS = "portal_search_fts"
# bm25 weights of the title, summary and body columns (SQLite; PostgreSQL uses A, B, C).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0)
BATCH = 500


class DatabaseBackend(SearchBackend):
    name = "database"

    # Searching ----------------------------------------------------------------------------

    def search(self, query, facets):
        terms = {lang: query_terms(query.text, lang) for lang in languages()}
        has_text = any(terms.values())
        entries = IndexEntry.objects.filter(
            id__in=self._shown(query.language, "type").values("entry_id")
        )
        if has_text:
            entries = entries.filter(self._text_condition(terms))
        selections = dict(query.filters)

        def restricted(excluded=None):
            qs = entries
            for name, values in selections.items():
                if name != excluded:
                    rows = self._shown(query.language, name).filter(value__in=values)
                    qs = qs.filter(id__in=rows.values("entry_id"))
            return qs

        matching = restricted()
        total = matching.count()
        hits = self._hits(matching, query, terms, has_text) if total > query.offset else []

        counts = defaultdict(dict)
        unselected = [f.name for f in facets if f.name not in selections]
        groups = [(unselected, matching)] + [
            ([f.name], restricted(f.name)) for f in facets if f.name in selections
        ]
        for names, qs in groups:
            if not names:
                continue
            rows = (
                IndexFacet.objects.filter(
                    shown_in=query.language, facet__in=names, entry_id__in=qs.values("id")
                )
                .values_list("facet", "value")
                .annotate(n=Count("entry_id"))
                .order_by()
            )
            for facet, value, n in rows:
                counts[facet][value] = n
        return BackendResult(total=total, hits=tuple(hits), counts=dict(counts))

    @staticmethod
    def _shown(language, facet):
        return IndexFacet.objects.filter(shown_in=language, facet=facet)

    def _text_condition(self, terms):
        """Entries whose stems (in their own language) contain every query term."""
        condition = Q()
        for language, stems in terms.items():
            if stems:
                condition |= Q(language=language, id__in=self._matching_ids(stems))
        return condition

    @staticmethod
    def _matching_ids(stems):
        if connection.vendor == "postgresql":
            return RawSQL(
                "SELECT id FROM portal_search_indexentry "
                "WHERE search_vector @@ plainto_tsquery('simple', %s)",
                [" ".join(stems)],
            )
        # The table name is a constant; stems are passed as parameters.
        return RawSQL(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [fts_match(stems)])  # noqa: S608, S611

    def _hits(self, matching, query, terms, has_text):
        fields = ["page_id", "title", "url", "type", "language", "date", "summary", "body"]
        fields.append("facets")
        window = slice(query.offset, query.offset + query.page_size)
        if query.sort == "date" or not has_text:
            ordered = matching.order_by(F("date").desc(nulls_last=True), "-id")
            rows = list(ordered.values(*fields)[window])
        elif connection.vendor == "postgresql":
            rank = RawSQL(  # noqa: S611 (stems are parameters)
                "ts_rank(portal_search_indexentry.search_vector, "
                + " || ".join("plainto_tsquery('simple', %s)" for stems in terms.values() if stems)
                + ")",
                [" ".join(stems) for stems in terms.values() if stems],
            )
            ordered = matching.annotate(rank=rank).order_by(
                "-rank", F("date").desc(nulls_last=True), "-id"
            )
            rows = list(ordered.values(*fields)[window])
        else:
            rows = self._sqlite_ranked(matching, terms, fields, window)
        return [
            BackendHit(
                page_id=row["page_id"],
                title=row["title"],
                url=row["url"],
                type=row["type"],
                language=row["language"],
                date=row["date"],
                snippet=_snippet(row, terms.get(row["language"], ())),
                facets={k: tuple(v) for k, v in row["facets"].items()},
            )
            for row in rows
        ]

    @staticmethod
    def _sqlite_ranked(matching, terms, fields, window):
        """One page of matches by bm25: a join with the FTS table, so bm25 is computed once
        per match (a correlated subquery per row would run the match once per row)."""
        inner_sql, inner_params = matching.values("id").query.sql_with_params()
        match = " OR ".join(f"({fts_match(stems)})" for stems in terms.values() if stems)
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        # Constants and Django's own parametrised SQL; the match and paging are parameters.
        sql = (
            f"SELECT e.id FROM {FTS} JOIN portal_search_indexentry e ON e.id = {FTS}.rowid "  # noqa: S608
            f"WHERE {FTS} MATCH %s AND e.id IN ({inner_sql}) "
            f"ORDER BY bm25({FTS}, {weights}), e.date IS NULL, e.date DESC, e.id DESC "
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *inner_params, window.stop - window.start, window.start])
            ids = [row[0] for row in cursor.fetchall()]
        rows = {
            row["id"]: row for row in IndexEntry.objects.filter(id__in=ids).values("id", *fields)
        }
        return [rows[i] for i in ids if i in rows]

    # Indexing -----------------------------------------------------------------------------

    def replace_items(self, documents):
        with transaction.atomic():
            IndexEntry.objects.filter(translation_key__in=list(documents)).delete()
            self._insert([d for docs in documents.values() for d in docs])

    def rebuild(self, documents, progress=None):
        """Rebuild in one transaction: readers see the old index until it commits."""
        indexed = 0
        with transaction.atomic():
            IndexFacet.objects.all().delete()
            IndexEntry.objects.all().delete()
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) >= BATCH:
                    indexed += self._insert(batch)
                    batch = []
                    if progress:
                        progress(indexed)
            indexed += self._insert(batch)
            if progress:
                progress(indexed)
        return indexed

    @staticmethod
    def _insert(documents):
        if not documents:
            return 0
        # A page may have moved between items (it cannot, but a stale row must not block).
        IndexEntry.objects.filter(page_id__in=[d.page_id for d in documents]).delete()
        entries = IndexEntry.objects.bulk_create(
            [
                IndexEntry(
                    page_id=d.page_id,
                    translation_key=d.translation_key,
                    language=d.language,
                    type=d.type,
                    title=d.title[:255],
                    url=d.url,
                    date=d.date,
                    summary=d.summary,
                    body=d.text.get(1, ""),
                    facets={k: list(v) for k, v in d.facets.items()},
                    terms_title=" ".join(analyse(d.text.get(3, ""), d.language)),
                    terms_summary=" ".join(analyse(d.text.get(2, ""), d.language)),
                    terms_body=" ".join(analyse(d.text.get(1, ""), d.language)),
                )
                for d in documents
            ]
        )
        IndexFacet.objects.bulk_create(
            [
                IndexFacet(entry=entry, shown_in=language, facet=facet, value=value)
                for entry, d in zip(entries, documents, strict=True)
                for language in d.shown_in
                for facet, values in d.facets.items()
                for value in values
            ],
            batch_size=2000,
        )
        return len(entries)

    def counts(self):
        rows = IndexEntry.objects.values_list("language", "type").annotate(n=Count("id"))
        return {(language, type_): n for language, type_, n in rows.order_by()}


def fts_match(stems):
    """An FTS5 query asking for every stem: each a quoted string, so none is syntax."""
    return " ".join('"{}"'.format(s.replace('"', '""')) for s in stems)


def _snippet(row, terms):
    for text in (row["summary"], row["body"]):
        if text and (not terms or set(analyse(text, row["language"])) & set(terms)):
            return snippet(text, terms, row["language"])
    return snippet(row["summary"] or row["body"], terms, row["language"])
