"""The StreamField block library shared by every page type."""

from .base import BaseStreamBlock
from .layout import AccordionBlock, ContactCardBlock, KeyFiguresBlock, TableBlock
from .links import CallToActionBlock, RelatedPagesBlock
from .media import DocumentListBlock, EmbedVideoBlock, GalleryBlock, ImageBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AccordionBlock",
    "BaseStreamBlock",
    "CallToActionBlock",
    "ContactCardBlock",
    "DocumentListBlock",
    "EmbedVideoBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFiguresBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RelatedPagesBlock",
    "TableBlock",
]
