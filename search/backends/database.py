"""The embedded default: search with the database's own full-text engine.

Text is matched by the database (FTS5 on SQLite, a tsvector on PostgreSQL), which returns
every match with its relevance (bm25 / ts_rank, computed once per match: no quadratic ranking).
Languages, selections and the disjunctive facet counts are then bit operations on facet
bitmaps held in memory (search.bitmaps). A search costs at most five SQL queries, whatever
the number of facet values or matches: the index version, one match per language, the rows
of the page of hits.
"""

from __future__ import annotations

import heapq
import uuid

from django.db import connection, transaction
from django.db.models import Count

from search import bitmaps
from search.backends.base import SearchBackend
from search.contract import SUGGESTIONS, BackendHit, BackendResult, Suggestion
from search.documents import languages
from search.models import IndexEntry, IndexVersion
from search.text import analyse, folded_words, only_stop_words, query_terms, snippet

FTS = "portal_search_fts"
# bm25 weights of the title, summary and body columns (SQLite; PostgreSQL uses A, B, C).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0)
BATCH = 500
HIT_FIELDS = ("id", "page_id", "title", "url", "type", "language", "date", "summary", "body")


class DatabaseBackend(SearchBackend):
    name = "database"

    # Searching ----------------------------------------------------------------------------

    def search(self, query, facets):
        if only_stop_words(query.text, query.language):
            return BackendResult(total=0, hits=(), counts={facet.name: {} for facet in facets})
        index = bitmaps.current()
        language = query.language
        candidates, scores, terms, selected = self._select(query, index)

        def restricted(excluded=None):
            bits = candidates
            for name, selection in selected.items():
                if name != excluded:
                    bits &= selection
            return bits

        matching = restricted()
        counts = {}
        for facet in facets:
            base = restricted(facet.name) if facet.name in selected else matching
            values = index.values.get((language, facet.name), {})
            counts[facet.name] = {
                value: n for value, bits in values.items() if (n := (bits & base).bit_count())
            }
        total = matching.bit_count()
        hits = []
        if total > query.offset:
            ids = self._page(bitmaps.members(matching), index, scores, query)
            hits = self._hits(ids, terms)
        return BackendResult(total=total, hits=tuple(hits), counts=counts)

    def matching_page_ids(self, query, batch=BATCH):
        if only_stop_words(query.text, query.language):
            return  # finds nothing, as search does
        index = bitmaps.current()
        candidates, scores, _terms, selected = self._select(query, index)
        for selection in selected.values():
            candidates &= selection
        ids = sorted(bitmaps.members(candidates), key=self._order(index, scores))
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            pages = dict(IndexEntry.objects.filter(id__in=chunk).values_list("id", "page_id"))
            yield from (pages[i] for i in chunk if i in pages)

    def _select(self, query, index):
        """(bits of the entries the language shows that match the text, their scores or None,
        the query's terms per language, {facet: bits of its selected values})."""
        candidates = index.shown.get(query.language, 0)
        terms = {lang: query_terms(query.text, lang) for lang in languages()}
        scores = None
        if any(terms.values()):
            matched, scores = self._match(terms, index, rank=query.sort == "relevance")
            candidates &= matched
        selected = {
            name: _union(index.values.get((query.language, name), {}), values)
            for name, values in query.filters
        }
        return candidates, scores, terms, selected

    def _match(self, terms, index, rank):
        """(bits of the entries whose own language's stems contain every term, {id: score})."""
        matched, scores = 0, {}
        by_stems: dict[tuple[str, ...], list[str]] = {}
        for language, stems in terms.items():
            if stems:
                by_stems.setdefault(stems, []).append(language)
        for stems, stem_languages in by_stems.items():
            rows = self._matching_rows(stems, rank)
            of_language = 0
            for language in stem_languages:
                of_language |= index.language.get(language, 0)
            matched |= bitmaps.bitset(entry_id for entry_id, _score in rows) & of_language
            if rank:
                scores.update(rows)
        return matched, scores

    @staticmethod
    def _matching_rows(stems, rank):
        """[(entry id, score)] of every entry containing every stem; lower scores rank higher."""
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The GIN index answers which rows match without reading their text; for a
                # common word the planner would rather read every row's out-of-line vector.
                cursor.execute("SET LOCAL enable_seqscan = off")
                # Titles and summaries rank matches (body-only matches come after, by date).
                score = "-ts_rank(search_head, query)" if rank else "0"
                cursor.execute(
                    f"SELECT id, {score} FROM portal_search_indexentry, "  # noqa: S608 (constant)
                    "plainto_tsquery('simple', %s) query WHERE search_vector @@ query",
                    [" ".join(stems)],
                )
                rows = cursor.fetchall()
                # SET LOCAL outlives a savepoint: put it back for whatever the outer
                # transaction (a test, an atomic request) does next.
                cursor.execute("SET LOCAL enable_seqscan = on")
                return rows
            else:
                weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
                score = f"bm25({FTS}, {weights})" if rank else "0"
                cursor.execute(
                    f"SELECT rowid, {score} FROM {FTS} WHERE {FTS} MATCH %s",  # noqa: S608
                    [fts_match(stems)],
                )
            return cursor.fetchall()

    @classmethod
    def _page(cls, ids, index, scores, query):
        """The ids of one page of hits."""
        first = heapq.nsmallest(query.offset + query.page_size, ids, key=cls._order(index, scores))
        return first[query.offset :]

    @staticmethod
    def _order(index, scores):
        """Sort key of entry ids: by relevance (then newest), or newest first."""
        dates = index.dates
        if scores is not None:

            def key(entry_id):
                day, pk = dates[entry_id]
                return (scores.get(entry_id, 0), -day, -pk)
        else:

            def key(entry_id):
                day, pk = dates[entry_id]
                return (-day if day else 1, -pk)

        return key

    @staticmethod
    def _hits(ids, terms):
        rows = {
            row["id"]: row
            for row in IndexEntry.objects.filter(id__in=ids).values(*HIT_FIELDS, "facets")
        }
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
            for row in (rows[i] for i in ids if i in rows)
        ]

    def suggest(self, prefix, language, size=SUGGESTIONS):
        """Titles shown in `language` with every word of `prefix` (the last as a word start),
        matched on the folded title words held in memory (search.bitmaps): no query but the
        index version and the rows offered. Titles starting with the first word come first,
        then shorter titles, then newer items."""
        typed = folded_words(prefix)
        if not typed:
            return []
        index = bitmaps.current()
        needles = [f" {word} " for word in typed[:-1]] + [f" {typed[-1]}"]
        found = [
            (not title.startswith(needles[0]), len(title), -index.dates[entry_id][0], entry_id)
            for title, entry_id in index.titles.get(language, ())
            if all(needle in title for needle in needles)
        ]
        best = [entry_id for *_key, entry_id in heapq.nsmallest(size, found)]
        rows = IndexEntry.objects.only("page_id", "title", "url", "type", "language").in_bulk(best)
        return [
            Suggestion(row.page_id, row.title, row.url, row.type, row.language)
            for row in (rows.get(entry_id) for entry_id in best)
            if row is not None
        ]

    # Indexing -----------------------------------------------------------------------------

    def replace_items(self, documents):
        with transaction.atomic():
            IndexEntry.objects.filter(translation_key__in=list(documents)).delete()
            self._insert([d for docs in documents.values() for d in docs])
            _new_version()

    def rebuild(self, documents, progress=None):
        """Rebuild in one transaction: readers see the old index until it commits."""
        indexed = 0
        with transaction.atomic():
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
            _new_version()
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
                    shown_in=list(d.shown_in),
                    terms_title=" ".join(analyse(d.text.get(3, ""), d.language)),
                    terms_summary=" ".join(analyse(d.text.get(2, ""), d.language)),
                    terms_body=" ".join(analyse(d.text.get(1, ""), d.language)),
                )
                for d in documents
            ]
        )
        return len(entries)

    def counts(self):
        rows = IndexEntry.objects.values_list("language", "type").annotate(n=Count("id"))
        return {(language, type_): n for language, type_, n in rows.order_by()}


def _union(values, selected):
    bits = 0
    for value in selected:
        bits |= values.get(value, 0)
    return bits


def _new_version():
    IndexVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4()})


def fts_match(stems):
    """An FTS5 query asking for every stem: each a quoted string, so none is syntax."""
    return " ".join('"{}"'.format(s.replace('"', '""')) for s in stems)


def _snippet(row, terms):
    for text in (row["summary"], row["body"]):
        if text and (not terms or set(analyse(text, row["language"])) & set(terms)):
            return snippet(text, terms, row["language"])
    return snippet(row["summary"] or row["body"], terms, row["language"])
