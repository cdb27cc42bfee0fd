"""Partner organisations and funders, shown with their logos."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PartnerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    class Role(models.TextChoices):
        IMPLEMENTING = "implementing", _("Implementing partner")
        FUNDER = "funder", _("Funder")
        NETWORK = "network", _("Network partner")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.NETWORK)
    description = models.TextField(_("description"), blank=True, max_length=1000)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "pages.PortalImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        _("logo alternative text"),
        max_length=200,
        blank=True,
        help_text=_("Defaults to 'Logo: <name>'."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        TranslatableField("logo_alt_text"),
        SynchronizedField("role"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("sort_order"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("role"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_alt_text"),
        FieldPanel("sort_order"),
    ]
    # Searched and filtered by Wagtail's admin listing and chooser (see TaxonomyTerm).
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("short_name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
        index.FilterField("name"),
        index.FilterField("role"),
        index.FilterField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def logo_alt(self):
        return self.logo_alt_text or _("Logo: %(name)s") % {"name": self.name}
