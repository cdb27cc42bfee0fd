"""Wagtail's own search backend (search.wagtail_backend) answers any query text, and still finds."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from pages.factories import CountryFactory, PartnerOrganisationFactory, StandardPageFactory
from pages.models import Country, PartnerOrganisation
from search.wagtail_backend import MAX_TERMS, clean_query, clean_text
from tests.helpers import HOSTILE_QUERIES


def test_clean_text_keeps_words_and_drops_what_is_no_text():
    assert clean_text('Tun"is') == "Tun is"
    assert clean_text("Tun\x00isia\x1b") == "Tun isia"
    assert clean_text("  Москва\tЖКХ ") == "Москва ЖКХ"
    assert clean_text("it's a\\b (x) c:* -y") == "it's a\\b (x) c:* -y"
    assert clean_text(" ".join(["w"] * 100)) == " ".join(["w"] * MAX_TERMS)
    assert clean_text('"\x00"') == ""


def test_clean_query_walks_parsed_queries():
    _filters, query = parse_query_string('"Tun\x00 is" "" NOT', operator="and")
    cleaned = clean_query(query)
    assert repr(cleaned) == repr(clean_query(parse_query_string('"Tun is" NOT')[1]))
    assert clean_query(parse_query_string('"\x00"')[1]) == ""


@pytest.fixture
def indexed(home, taxonomy):
    StandardPageFactory(parent=home, title="Tunis und Umgebung")
    CountryFactory(name="Tunesien", slug="tn", region=taxonomy["region"])
    PartnerOrganisationFactory(name="Stadt Tunis", short_name="TUN")
    return home


def test_hostile_queries_answer_on_every_entry_point(indexed):
    backend = get_search_backend()
    models = (Page, get_image_model(), get_document_model(), Country, PartnerOrganisation)
    tried = 0
    for text in HOSTILE_QUERIES:
        _filters, parsed = parse_query_string(text)
        for model in models:
            for query in (text, parsed):
                list(backend.search(query, model))
                backend.search(query, model).count()
            list(backend.autocomplete(text, model))
            tried += 5
    assert tried == 5 * len(models) * len(HOSTILE_QUERIES)


def test_search_still_finds(indexed):
    backend = get_search_backend()
    assert [c.slug for c in backend.autocomplete("Tun", Country)] == ["tn"]
    assert [c.slug for c in backend.autocomplete('"Tun', Country)] == ["tn"]
    assert [p.title for p in backend.search('Tunis"', Page)] == ["Tunis und Umgebung"]
    assert [p.title for p in backend.autocomplete("Tun\x00", Page)] == ["Tunis und Umgebung"]
    assert [o.name for o in backend.autocomplete("TUN", PartnerOrganisation)] == ["Stadt Tunis"]
