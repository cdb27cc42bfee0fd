"""Layout blocks: key figures, accordions, tables, contact cards."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.images.blocks import ImageChooserBlock

GROUP = _("Layout")


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 500+"))
    label = blocks.CharBlock(label=_("Label"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        template = "components/blocks/key_figures.html"
        icon = "order"
        group = GROUP
        label = _("Key figures")
        description = _("Up to six large numbers with a short label each.")
        preview_value = {
            "heading": "Results",
            "figures": [
                {"figure": "500+", "label": "municipal actors"},
                {"figure": "20", "label": "countries"},
                {"figure": "30", "label": "good practices"},
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    content = blocks.RichTextBlock(label=_("Content"))

    class Meta:
        icon = "list-ul"
        label = _("Section")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Sections"), min_num=1)

    class Meta:
        template = "components/blocks/accordion.html"
        icon = "list-ul"
        group = GROUP
        label = _("Accordion")
        description = _("Sections that open and close; they work without JavaScript.")
        preview_value = {"heading": "Frequently asked questions"}

    def clean(self, value):
        value = super().clean(value)
        titles = [item["title"].strip().casefold() for item in value.get("items", [])]
        if len(titles) != len(set(titles)):
            raise blocks.StructBlockValidationError(
                block_errors={"items": ValidationError(_("Each section needs its own title."))}
            )
        return value


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("Says what the table shows.")
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(max_length=200)),
            ("number", blocks.DecimalBlock()),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ],
        label=_("Table"),
    )
    first_column_is_header = blocks.BooleanBlock(
        label=_("First column holds row headings"), required=False, default=False
    )

    class Meta:
        template = "components/blocks/table.html"
        icon = "table"
        group = GROUP
        label = _("Table")
        description = _("A table with a caption and typed columns.")
        preview_value = {"caption": "Participants by region", "first_column_is_header": True}


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=200)
    institution = blocks.CharBlock(label=_("Institution"), required=False, max_length=200)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.RegexBlock(
        label=_("Phone"),
        regex=r"^\+?[0-9 ()/-]{5,30}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number such as +49 228 20717 0.")},
    )
    photo = ImageChooserBlock(label=_("Photo"), required=False)

    class Meta:
        template = "components/blocks/contact_card.html"
        icon = "user"
        group = GROUP
        label = _("Contact card")
        description = _("A person to contact, with email or phone.")
        preview_value = {
            "name": "Connective Cities secretariat",
            "institution": "Engagement Global",
            "email": "info@connective-cities.net",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("email") and not value.get("phone"):
            message = _("Give an email address or a phone number.")
            raise blocks.StructBlockValidationError(
                block_errors={"email": ValidationError(message), "phone": ValidationError(message)}
            )
        return value
