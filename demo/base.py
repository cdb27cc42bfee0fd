"""The vocabulary of the demo content: bilingual text, references and StreamField blocks.

Content is written once, with every translatable text as a `T(de, en)` pair. `localise()` turns
a structure into its German or its English version; both share the same block structure and
block ids (`assign_ids`), so wagtail-localize's segments of the German source can be matched
to the English text path by path.

References to other objects are `Ref(kind, key)` values, resolved by the seeder: images and
documents by their key, taxonomy terms and partners by slug, experts' private contacts by
their key in `demo.community`, pages by their spec key (to the page in the language being
built).
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

from .pictures import body_picture

# The demo pictures are generated graphics, credited the same way in every language.
DEMO_CREDIT = "© Connective Cities"

# Namespace of the block ids: the same content always gets the same ids.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1c2a5e-3a1d-4c55-9f0e-8a43c2b1d7e0")


@dataclass(frozen=True)
class T:
    """A text in German (the source) and English (its translation)."""

    de: str
    en: str


@dataclass(frozen=True)
class Ref:
    """A reference to another demo object: kind is image, document, page, region, country,
    theme, sdg, partner or expert-contact; key is its key, slug or ISO code."""

    kind: str
    key: str


@dataclass
class PageSpec:
    """One demo page in German and English. `fields` holds model field values (T, Ref, lists,
    raw StreamField data); the German slug identifies the page among its siblings."""

    key: str
    model: type
    parent: str | None
    fields: dict[str, Any]
    tags: tuple[str, ...] = field(default_factory=tuple)


def localise(value, language):
    """The German or English version of a structure of T, dicts, lists and tuples."""
    if isinstance(value, T):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(localise(item, language) for item in value)
    return value


def assign_ids(stream, namespace):
    """Give every stream child and list item of raw StreamField data a stable id."""

    def walk(value, path):
        if isinstance(value, dict):
            if "type" in value and "value" in value:
                value["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, path))
            for key, item in value.items():
                walk(item, f"{path}/{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}/{index}")

    walk(stream, namespace)
    return stream


# ---------------------------------------------------------------------------------------------
# StreamField blocks as raw data (see pages.blocks for their definitions)


def heading(text, level="h2", anchor=""):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution="", role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def image_value(image, caption=""):
    """An image block's value: its alternative text says what the demo picture shows, in the
    page's language (see demo.pictures)."""
    picture = body_picture(image)
    return {
        "image": Ref("image", image),
        "alt_text": T(picture.describe("de"), picture.describe("en")),
        "decorative": False,
        "caption": caption,
        "credit": DEMO_CREDIT,
    }


def image(image, caption=""):
    return {"type": "image", "value": image_value(image, caption)}


def gallery(title, *images):
    """`images`: (picture key, caption) pairs."""
    items = [{"type": "item", "value": image_value(*item)} for item in images]
    return {"type": "gallery", "value": {"title": title, "images": items}}


def key_figures(heading_text, *figures):
    """`figures`: (figure, label) pairs."""
    items = [{"type": "item", "value": {"figure": f, "label": label}} for f, label in figures]
    return {"type": "key_figures", "value": {"heading": heading_text, "figures": items}}


def accordion(heading_text, *sections):
    """`sections`: (title, rich text) pairs."""
    items = [{"type": "item", "value": {"title": t, "content": html}} for t, html in sections]
    return {"type": "accordion", "value": {"heading": heading_text, "items": items}}


def call_to_action(title, button_label, text="", page=None, url=""):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "button_label": button_label,
            "page": Ref("page", page) if page else None,
            "url": url,
        },
    }


def contact(name, institution="", role="", email="", phone=""):
    return {
        "type": "contact",
        "value": {
            "name": name,
            "role": role,
            "institution": institution,
            "email": email,
            "phone": phone,
            "photo": None,
        },
    }


def documents(heading_text, *items):
    """`items`: (document key, title) pairs."""
    rows = [
        {"type": "item", "value": {"document": Ref("document", key), "title": title}}
        for key, title in items
    ]
    return {"type": "documents", "value": {"heading": heading_text, "documents": rows}}


def related_pages(heading_text, *page_keys):
    rows = [{"type": "item", "value": Ref("page", key)} for key in page_keys]
    return {"type": "related_pages", "value": {"heading": heading_text, "pages": rows}}


# Shared pieces
SECRETARIAT = contact(
    T("Sekretariat Connective Cities", "Connective Cities secretariat"),
    institution=T(
        "Engagement Global – Servicestelle Kommunen in der Einen Welt",
        "Engagement Global – Service Agency Communities in One World",
    ),
    email="info@connective-cities.net",
)
