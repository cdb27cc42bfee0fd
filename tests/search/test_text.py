"""Text analysis for the database backend: stems, stop words, query terms, cleaning, snippets."""

import pytest

from search.contract import MAX_QUERY_CHARS
from search.text import (
    MAX_QUERY_TERMS,
    analyse,
    clean,
    query_terms,
    snippet,
    stem,
    words,
)


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("en", ["flood", "floods", "flooding", "flooded", "Flood"]),
        ("en", ["city", "cities", "city's", "city’s"]),
        ("de", ["Überschwemmung", "Überschwemmungen", "überschwemmung"]),
        ("de", ["Stadt", "Städte", "Städten"]),
        ("de", ["Partnerschaft", "Partnerschaften"]),
    ],
)
def test_inflected_forms_share_a_stem(language, forms):
    assert len({stem(form, language) for form in forms}) == 1, forms


def test_stems_depend_on_the_language():
    # German "Städte" is a form of "Stadt"; English knows neither.
    assert stem("städte", "de") == stem("stadt", "de")
    assert stem("städte", "en") != stem("stadt", "en")
    assert stem("cities", "en") == stem("city", "en")


def test_words_are_letters_and_digits_in_lower_case():
    assert words("Hochwasser-Schutz in Lörrach, 2024!") == [
        "hochwasser",
        "schutz",
        "in",
        "lörrach",
        "2024",
    ]
    assert words("The city’s plan_B") == ["the", "city's", "plan", "b"]
    assert words("🌊 ~ * : ^") == []


def test_analyse_keeps_stop_words_and_stems_the_rest():
    assert analyse("The Floods of Accra", "en") == ["the", "flood", "of", "accra"]
    assert analyse("Die Städte", "de") == ["die", "stadt"]


def test_query_terms_leave_out_stop_words_of_the_language():
    assert query_terms("the flooding in the city", "en") == ("flood", "citi")
    assert query_terms("die Städte und das Hochwasser", "de") == ("stadt", "hochwass")
    # "die" is a German article but an English word.
    assert query_terms("die", "en") == ("die",)
    assert query_terms("die", "de") == ()
    assert query_terms("and or not the", "en") == ()


def test_query_terms_are_distinct_and_limited():
    assert query_terms("flood floods Flooding flooded", "en") == ("flood",)
    many = " ".join(f"word{i}" for i in range(MAX_QUERY_TERMS + 8))
    terms = query_terms(many, "en")
    assert len(terms) == MAX_QUERY_TERMS
    assert terms[0] == "word0"


@pytest.mark.parametrize(
    "text",
    [
        '"flood" AND (city*) OR NOT -rain',
        "flood NEAR/2 city^3 rain~",
        "title:flood +city [rain] {x}",
        "flood\x00city\x1b[rain",
        "🌊flood🌊 city' OR '' = rain --",
        "flood\\ city% rain_",
    ],
)
def test_query_terms_ignore_search_syntax(text):
    terms = query_terms(text, "en")
    assert {"flood", "citi", "rain"} <= set(terms)
    for term in terms:
        assert term.isalnum(), term


def test_clean_removes_control_characters_and_normalises():
    assert clean("flood\x00city") == "flood city"
    assert clean("\x1b[31mred\x07") == "[31mred"
    assert clean("  flood\t\n  city \u200b ") == "flood city"
    assert clean("Lo\u0308rrach") == "Lörrach"  # NFC: one character, as the index has it
    assert clean(None) == ""


def test_clean_cuts_long_text_between_words():
    long = clean("flood " * 2000)
    assert len(long) <= MAX_QUERY_CHARS
    assert set(long.split()) == {"flood"}, "no word is cut in half"
    assert len(long) > MAX_QUERY_CHARS - len("flood ")
    one_word = clean("x" * 10_000)
    assert one_word == "x" * MAX_QUERY_CHARS
    exact = "ab " * (MAX_QUERY_CHARS // 3)
    assert clean(exact) == exact.strip()
    # At the limit nothing is cut; one character more loses the last word.
    at_limit = "ab " * 66 + "cd"
    assert (len(at_limit), clean(at_limit)) == (MAX_QUERY_CHARS, at_limit)
    assert clean(at_limit + "e") == "ab " * 65 + "ab"


def test_snippet_escapes_html_and_marks_matches():
    text = '<script>alert("x")</script> Floods & flooding hit the city.'
    html = snippet(text, ("flood",), "en")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html
    assert "<mark>Floods</mark>" in html
    assert "<mark>flooding</mark>" in html
    assert "<mark>city</mark>" not in html


def test_snippet_shows_a_window_around_the_first_match():
    text = " ".join(["Anfang"] * 80 + ["Überschwemmungen"] + ["Ende"] * 80)
    html = snippet(text, ("uberschwemm",), "de", length=120)
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>Überschwemmungen</mark>" in html
    assert len(html) < 200


def test_snippet_without_terms_is_the_escaped_beginning():
    html = snippet("a < b " + "word " * 100, (), "en", length=50)
    assert html.startswith("a &lt; b word")
    assert "<mark>" not in html
    assert html.endswith(" …")
    assert snippet("", ("flood",), "en") == ""


def test_snippet_marks_words_with_a_typographic_apostrophe():
    html = snippet("The city’s plan and the city's budget", ("citi",), "en")
    assert html.count("<mark>") == 2
    assert "<mark>city’s</mark>" in html


def test_snippet_window_starts_and_ends_at_word_boundaries():
    text = " ".join(["alpha"] * 20 + ["flood"] + ["omega"] * 60)
    assert snippet(text, ("flood",), "en", length=60) == (
        "… alpha alpha alpha alpha <mark>flood</mark> omega omega omega omega omega …"
    )


def test_snippet_of_a_word_longer_than_the_window_is_cut_at_half_the_length():
    # No space to end on: the window still shows half its length rather than nothing.
    assert snippet("x" * 300 + " y", (), "en", length=50) == "x" * 25 + " …"
