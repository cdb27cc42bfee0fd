"""Each block's own validation (clean) and that every block offers editors a preview."""

import pytest
from django.utils import translation
from wagtail import blocks

from pages.blocks import (
    AccordionBlock,
    BaseStreamBlock,
    CallToActionBlock,
    ContactCardBlock,
    ImageBlock,
    QuoteBlock,
    RelatedPagesBlock,
)


@pytest.fixture(autouse=True)
def english_messages():
    """The messages are asserted in English; the site's default language is German."""
    with translation.override("en"):
        yield


def clean(block, raw):
    return block.clean(block.to_python(raw))


def block_errors(block, raw):
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        clean(block, raw)
    return caught.value.block_errors


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_target(home):
    block = CallToActionBlock()
    base = {"title": "Mitmachen", "text": "", "button_label": "Los"}
    assert set(block_errors(block, {**base, "page": None, "url": ""})) == {"page", "url"}
    both = block_errors(block, {**base, "page": home.pk, "url": "https://example.org/"})
    assert "not both" in str(both["page"].messages[0])
    assert clean(block, {**base, "page": home.pk, "url": ""})["page"].pk == home.pk
    assert clean(block, {**base, "page": None, "url": "https://example.org/"})["url"]


def test_contact_card_needs_email_or_phone():
    block = ContactCardBlock()
    base = {"name": "Sekretariat", "role": "", "institution": "", "photo": None}
    assert set(block_errors(block, {**base, "email": "", "phone": ""})) == {"email", "phone"}
    assert clean(block, {**base, "email": "", "phone": "+49 228 20717 0"})["phone"]
    assert "phone" in block_errors(block, {**base, "email": "", "phone": "call me"})


def test_quote_role_needs_a_name():
    block = QuoteBlock()
    errors = block_errors(block, {"quote": "Q", "attribution": "", "role": "Mayor"})
    assert set(errors) == {"attribution"}
    assert clean(block, {"quote": "Q", "attribution": "A", "role": "Mayor"})["role"] == "Mayor"


@pytest.mark.django_db
def test_decorative_image_has_no_alt_text():
    from pages.factories import PortalImageFactory

    image = PortalImageFactory()
    block = ImageBlock()
    raw = {
        "image": image.pk,
        "alt_text": "A cyclist",
        "decorative": True,
        "caption": "",
        "credit": "",
    }
    assert set(block_errors(block, raw)) == {"alt_text"}
    assert clean(block, {**raw, "alt_text": ""})["decorative"] is True


def test_accordion_titles_are_unique():
    block = AccordionBlock()
    item = {"title": "Wer?", "content": "<p>Alle</p>"}
    assert "items" in block_errors(
        block, {"heading": "", "items": [item, {**item, "title": "wer? "}]}
    )


@pytest.mark.django_db
def test_related_pages_are_listed_once(home):
    block = RelatedPagesBlock()
    assert "pages" in block_errors(block, {"heading": "", "pages": [home.pk, home.pk]})


def test_every_block_has_template_icon_group_description_and_preview():
    for name, child in BaseStreamBlock().child_blocks.items():
        meta = child.meta
        assert meta.template.startswith("components/blocks/"), name
        assert meta.icon and meta.icon != "placeholder", name
        assert str(meta.group), name
        assert str(meta.description), name
        assert child.is_previewable, name
