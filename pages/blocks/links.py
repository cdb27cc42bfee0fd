"""Link blocks: calls to action and related pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

GROUP = _("Links")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=500)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Internal page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        template = "components/blocks/call_to_action.html"
        icon = "pick"
        group = GROUP
        label = _("Call to action")
        description = _("A highlighted box with one button to an internal page or an address.")
        preview_value = {
            "title": "Subscribe to our newsletter",
            "text": "News from our partners and network, every month.",
            "button_label": "Subscribe",
            "url": "https://example.org/newsletter",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            message = _("Choose an internal page or an external address, not both.")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        if not value.get("page") and not value.get("url"):
            message = _("Choose an internal page or enter an external address.")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")), label=_("Pages"), min_num=1, max_num=12
    )

    class Meta:
        template = "components/blocks/related_pages.html"
        icon = "link"
        group = GROUP
        label = _("Related pages")
        description = _("Cards linking to other pages of the portal, in the visitor's language.")
        preview_value = {"heading": "Read more"}

    def clean(self, value):
        value = super().clean(value)
        ids = [page.pk for page in value.get("pages", []) if page]
        if len(ids) != len(set(ids)):
            raise blocks.StructBlockValidationError(
                block_errors={"pages": ValidationError(_("Each page may be listed only once."))}
            )
        return value
