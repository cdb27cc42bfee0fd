"""Facet bitmaps of the database backend's index, held in each process's memory.

For every (language shown in, facet, value) a Python int whose bit n is set when index entry
n has that value. Selections, disjunctive counts and the language fallback are then a few
big-integer ANDs and popcounts, whatever the number of matches: counting the same in SQL costs
a scan of every facet row of every match, per facet.

The bitmaps are loaded with one query and reloaded when the index's version token changes
(`IndexVersion`, rewritten by every index write), so every process sees committed changes.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from search.models import IndexEntry, IndexVersion
from search.text import folded_words


@dataclass
class Bitmaps:
    token: object = None
    # {language: bits of the entries shown in that language's searches}
    shown: dict[str, int] = field(default_factory=dict)
    # {language: bits of the entries written in that language}
    language: dict[str, int] = field(default_factory=dict)
    # {(language shown in, facet): {value: bits}}
    values: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    # {entry id: (date ordinal or 0, page id)} for sorting by date
    dates: dict[int, tuple[int, int]] = field(default_factory=dict)
    # {language shown in: [(" folded title words ", entry id)]} for suggestions while typing
    titles: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


_lock = threading.Lock()
_current = Bitmaps()


def current() -> Bitmaps:
    """The bitmaps of the index as this transaction sees it (one query when up to date)."""
    global _current
    token = IndexVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    if token == _current.token and token is not None:
        return _current
    with _lock:
        if token != _current.token or token is None:
            _current = load(token)
        return _current


def load(token) -> Bitmaps:
    ids_by_key: dict[tuple, list[int]] = {}
    dates = {}
    titles: dict[str, list[tuple[str, int]]] = {}
    rows = IndexEntry.objects.values_list("id", "language", "date", "shown_in", "facets", "title")
    for entry_id, language, date, shown_in, facets, title in rows.iterator(chunk_size=5000):
        dates[entry_id] = (date.toordinal() if date else 0, entry_id)
        ids_by_key.setdefault(("language", language), []).append(entry_id)
        folded = f" {' '.join(folded_words(title))} "
        for shown in shown_in:
            titles.setdefault(shown, []).append((folded, entry_id))
            ids_by_key.setdefault(("shown", shown), []).append(entry_id)
            for facet, values in facets.items():
                for value in values:
                    ids_by_key.setdefault((shown, facet, value), []).append(entry_id)
    bitmaps = Bitmaps(token=token, dates=dates, titles=titles)
    for key, ids in ids_by_key.items():
        bits = bitset(ids)
        if key[0] == "language":
            bitmaps.language[key[1]] = bits
        elif key[0] == "shown":
            bitmaps.shown[key[1]] = bits
        else:
            bitmaps.values.setdefault(key[:2], {})[key[2]] = bits
    return bitmaps


def bitset(ids) -> int:
    """An int with the bits of `ids` set (built in a bytearray: shifting ints is quadratic)."""
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray((max(ids) >> 3) + 1)
    for i in ids:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def members(bits: int) -> list[int]:
    """The positions of the set bits, in ascending order."""
    return [m.start() for m in re.finditer("1", bin(bits)[:1:-1])]
