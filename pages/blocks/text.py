"""Text blocks: headings, paragraphs, quotes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

GROUP = _("Text")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subheading (H3)"))],
        default="h2",
    )
    anchor = blocks.RegexBlock(
        label=_("Anchor"),
        regex=r"^[a-z0-9-]+$",
        required=False,
        help_text=_("Optional link target: lower-case letters, digits and hyphens."),
        error_messages={"invalid": _("Use only lower-case letters, digits and hyphens.")},
    )

    class Meta:
        template = "components/blocks/heading.html"
        icon = "title"
        group = GROUP
        label = _("Heading")
        description = _("A section heading that also appears in the page outline.")
        preview_value = {"text": "Integrated urban development", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with the portal's full feature list, defined once in settings."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", settings.RICHTEXT_FULL_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "components/blocks/paragraph.html"
        icon = "pilcrow"
        group = GROUP
        label = _("Rich text")
        description = _("Paragraphs with links, lists and emphasis.")
        preview_value = RichText(
            "<p>Many innovative solutions for sustainable urban development exist at local "
            "level, yet they are frequently <b>not widely known</b>.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)
    role = blocks.CharBlock(label=_("Role or institution"), required=False, max_length=200)

    class Meta:
        template = "components/blocks/quote.html"
        icon = "openquote"
        group = GROUP
        label = _("Quote")
        description = _("A pull quote with the name and role of the person quoted.")
        preview_value = {
            "quote": "Local solutions are required, yet they are increasingly globally relevant.",
            "attribution": "Connective Cities",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("role") and not value.get("attribution"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "attribution": ValidationError(_("Name the person before giving their role."))
                }
            )
        return value
