"""The one StreamBlock every page body uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .layout import AccordionBlock, ContactCardBlock, KeyFiguresBlock, TableBlock
from .links import CallToActionBlock, RelatedPagesBlock
from .media import DocumentListBlock, EmbedVideoBlock, GalleryBlock, ImageBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    embed = EmbedVideoBlock()
    documents = DocumentListBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    related_pages = RelatedPagesBlock()
    contact = ContactCardBlock()

    class Meta:
        label = _("Body")
