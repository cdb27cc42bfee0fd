"""Language-aware text analysis for the database backend: words, stems, snippets.

Text is only text: a query is split into words (letters and digits); quotes, operators,
brackets, wildcards, emoji and control characters never reach a search engine as syntax.
Stems come from the Snowball stemmers, the same family as the stemmers Elasticsearch and
PostgreSQL use for German and English.
"""

from __future__ import annotations

import html as html_module
import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape, strip_tags

from search.contract import MAX_QUERY_CHARS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
MAX_QUERY_TERMS = 12

# Short function words only: a search for "flooding in the city" must not require "in" and "the".
_STOP_WORDS = {
    "en": "a an and are as at be but by for from has have if in into is it its no not of on or "
    "so such that the their then there these they this to was were will with",
    "de": "aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein "
    "eine einem einen einer eines er es für im in ist mit nach nicht noch oder sich sie sind so "
    "über um und vom von vor war wie wir zu zum zur",
}
STOP_WORDS = {language: frozenset(text.split()) for language, text in _STOP_WORDS.items()}
STEMMER_NAMES = {"de": "german", "en": "english"}


def _character(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":  # invisible format characters (zero-width space, soft hyphen)
        return ""
    return " " if category[0] == "C" else ch  # control characters, null bytes included


def clean(text: str) -> str:
    """Normalised text: NFC, no control or format characters, cut to length."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(_character(ch) for ch in text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        # Cut between words: a cut word would be a new word that every result must contain.
        head = text[: MAX_QUERY_CHARS + 1]
        text = head.rsplit(" ", 1)[0] if " " in head else head[:MAX_QUERY_CHARS]
    return text


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text or "")]


def plain_text(html) -> str:
    """The text of an HTML fragment (rich text), entities decoded, whitespace collapsed."""
    return " ".join(html_module.unescape(strip_tags(str(html or ""))).split())


def folded_words(text: str) -> list[str]:
    """Words without case or accents ("Lörrach" -> "lorrach", "Straße" -> "strasse"), as
    Elasticsearch's `german_normalization` and `lowercase` compare title words for suggestions."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return words(plain)


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMER_NAMES.get(language, "english"))


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer(language).stemWord(word)


def analyse(text: str, language: str) -> list[str]:
    """Stems of every word (stop words included: they cost little and keep phrases whole)."""
    return [stem(w, language) for w in words(text)]


def only_stop_words(text: str, language: str) -> bool:
    """True when `text` has words and each is a stop word of `language`: such a search finds
    nothing (see search.contract)."""
    found = words(clean(text))
    return bool(found) and all(word in STOP_WORDS.get(language, ()) for word in found)


def query_terms(text: str, language: str) -> tuple[str, ...]:
    """The distinct stems a query asks for, stop words left out, in order."""
    terms = []
    for word in words(clean(text)):
        if word in STOP_WORDS.get(language, ()):
            continue
        term = stem(word, language)
        if term and term not in terms:
            terms.append(term)
    return tuple(terms[:MAX_QUERY_TERMS])


def snippet(text: str, terms: tuple[str, ...], language: str, length: int = 220) -> str:
    """Escaped HTML: a window of `text` around the first matched word, matches in <mark>."""
    text = " ".join((text or "").split())
    matches = [
        m for m in WORD.finditer(text) if terms and stem(m.group().lower(), language) in terms
    ]
    start = 0
    if matches and matches[0].start() > length // 3:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    parts: list[str] = []
    position = start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    return ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")
