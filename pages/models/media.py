"""The portal's image model: Wagtail's image plus a photo credit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Shown with the image, for example 'Photo: Engagement Global'."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# Card images (components/_card.html, `{% srcset_image … fill-{480x270,960x540} format-webp %}`).
CARD_IMAGE_SPECS = ("fill-480x270|format-webp", "fill-960x540|format-webp")


def card_renditions(relation="hero_image"):
    """A Prefetch of the card renditions of the images behind `relation`, for a page queryset
    that also `select_related`s it: what `ImageQuerySet.prefetch_renditions(*CARD_IMAGE_SPECS)`
    does, through the pages' relation, so that images come with the pages and all their
    renditions in one query; `{% srcset_image %}` then finds them in `prefetched_renditions`.
    `relation=None` prefetches on images themselves (`prefetch_related_objects(images, …)`)."""
    return models.Prefetch(
        f"{relation}__renditions" if relation else "renditions",
        queryset=PortalRendition.objects.filter(filter_spec__in=CARD_IMAGE_SPECS),
        to_attr="prefetched_renditions",
    )
