"""Media blocks: images with caption and credit, galleries, embeds, document lists."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

GROUP = _("Media")


class ImageBlock(blocks.StructBlock):
    """An image whose alt text, caption and credit are translatable block fields."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe the image for people who cannot see it. Leave empty to use the "
            "image's own description; tick 'decorative' if it adds nothing."
        ),
    )
    decorative = blocks.BooleanBlock(label=_("Decorative"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=200,
        help_text=_("For example 'Photo: Engagement Global'. Defaults to the image's credit."),
    )

    class Meta:
        template = "components/blocks/image.html"
        icon = "image"
        group = GROUP
        label = _("Image")
        description = _("An image with caption, credit and alternative text.")
        preview_value = {
            "caption": "Sharing municipal expertise",
            "credit": "Photo: Engagement Global",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("decorative") and value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("A decorative image has no alternative text: clear one of the two.")
                    )
                }
            )
        return value


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=2, max_num=24)

    class Meta:
        template = "components/blocks/gallery.html"
        icon = "image"
        group = GROUP
        label = _("Gallery")
        description = _("A grid of two or more images, each with caption and credit.")
        preview_value = {"title": "Impressions from the dialogue event"}


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Address of the video or post"), max_width=960)
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Read out by screen readers and shown before the content loads."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        template = "components/blocks/embed.html"
        icon = "media"
        group = GROUP
        label = _("Embed")
        description = _("A video or post from an external platform, loaded only on request.")
        preview_value = {"title": "Connective Cities in 90 seconds"}


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("Documents"), min_num=1)

    class Meta:
        template = "components/blocks/document_list.html"
        icon = "doc-full-inverse"
        group = GROUP
        label = _("Document list")
        description = _("Downloads with file type and size.")
        preview_value = {"heading": "Documentation of the event"}
