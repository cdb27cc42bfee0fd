"""The shared taxonomy: regions, countries, two-level themes and the SDGs.

Every term is a translatable snippet with a slug that is the same in every language (it is
synchronised, not translated), so links, URLs and search facets never depend on the language.
Pages link to terms of any locale; templates show a term's name in the visitor's language
through `pages.taxonomy_labels`, matched by translation key.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Stable identifier used in addresses and search filters, in every language."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    # Wagtail's admin listings and choosers search these and filter on the FilterFields: the
    # locale (the chooser's and listing's language filter), the columns they sort by and the
    # listing filters of the subclasses.
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("slug"),
        index.AutocompleteField("slug"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
        index.FilterField("name"),
        index.FilterField("slug"),
        index.FilterField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Region(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug_locale")
        ]


iso_country_code = RegexValidator(
    r"^[a-z]{2}$", _("Enter the two-letter ISO 3166-1 code in lower case, for example 'jo'.")
)


class Country(TaxonomyTerm):
    """A country; its slug is its ISO 3166-1 alpha-2 code in lower case."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="countries"
    )

    translatable_fields = [*TaxonomyTerm.translatable_fields, SynchronizedField("region")]
    panels = [*TaxonomyTerm.panels, FieldPanel("region")]
    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("region")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_country_slug_locale")
        ]

    def clean(self):
        super().clean()
        if self.slug:
            iso_country_code(self.slug)

    @property
    def iso_code(self):
        return self.slug.upper()


class Theme(TaxonomyTerm):
    """A focal theme (no parent) or one of its topics; selecting a focal theme includes its topics."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("focal theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
        help_text=_("Leave empty for one of the four focal themes."),
    )

    translatable_fields = [*TaxonomyTerm.translatable_fields, SynchronizedField("parent")]
    panels = [*TaxonomyTerm.panels, FieldPanel("parent")]
    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("parent")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_locale")
        ]

    def clean(self):
        super().clean()
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("A theme cannot be its own focal theme.")})
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Choose a focal theme: themes have only two levels.")}
                )
            if self.pk and self.topics.exists():
                raise ValidationError(
                    {
                        "parent": _(
                            "This theme has topics of its own, so it must stay a focal theme."
                        )
                    }
                )

    @property
    def is_focal(self):
        return self.parent_id is None


class SustainableDevelopmentGoal(TaxonomyTerm):
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )

    translatable_fields = [*TaxonomyTerm.translatable_fields, SynchronizedField("number")]
    panels = [FieldPanel("number"), *TaxonomyTerm.panels]
    search_fields = [*TaxonomyTerm.search_fields, index.FilterField("number")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_sdg_slug_locale")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"
