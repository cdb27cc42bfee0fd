"""The pool of experts: a public profile page per language, and the person behind it.

The profile (`ExpertPage`) is content: written by editors, translated by translators (text is
translated, taxonomy and photo synchronised), published by moderators. The person
(`ExpertContact`) is private: the e-mail address messages are relayed to and the record of the
consent to publication. A profile is public only while its person's consent is given and not
withdrawn: `ExpertPage.save()` never lets a page without it be live, and a withdrawal
unpublishes every language's page at once (Wagtail's unpublish: search, sitemap, API and caches
follow its signal). The consent lives outside the page, so publishing an old revision cannot
bring back a withdrawn profile.
"""

import uuid

from django import forms
from django.conf import global_settings, settings
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from community.consent import EXPERT_PROFILE
from pages import content_cache
from pages.locales import LocaleChoicesForm
from pages.models.base import BasePage, CountryMixin, IndexPage, paginate
from pages.serializers import CountrySerializer, terms
from search.registry import Contribution, Text

# Languages an expert may speak: codes and names from Django (its catalogues translate them).
SPOKEN_LANGUAGE_CODES = ("ar", "de", "en", "es", "fr", "it", "pt", "ru", "tr", "uk", "zh-hans")
SPOKEN_LANGUAGES = [(c, n) for c, n in global_settings.LANGUAGES if c in SPOKEN_LANGUAGE_CODES]


def spoken_language_choices():
    return sorted(((code, gettext(name)) for code, name in SPOKEN_LANGUAGES), key=lambda c: c[1])


def spoken_language_name(code, language):
    with override(language):
        return dict(spoken_language_choices()).get(code, code)


class LanguageCodesField(models.CharField):
    """A set of language codes in one column (" de en fr ", a space around every code) so that
    `languages__contains=" fr "` finds one on every database; a sorted list in Python."""

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return sorted(set(value))
        return sorted(set((value or "").split()))

    def get_prep_value(self, value):
        if isinstance(value, str):  # a lookup's own value (" fr ")
            return value
        codes = sorted(set(value or []))
        return f" {' '.join(codes)} " if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, form_class=None, choices_form_class=None, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=spoken_language_choices,
            widget=forms.CheckboxSelectMultiple,
        )


class ExpertContactQuerySet(models.QuerySet):
    def consenting(self):
        return self.filter(consent_given_at__isnull=False, withdrawn_at__isnull=True)


class ExpertContact(models.Model):
    """The person behind a profile: private, seen and edited by moderators only."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(
        _("e-mail address"),
        unique=True,
        help_text=_("Messages from visitors are relayed here; it is never shown."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language in which the expert read the consent text and gets mail."),
    )
    consent_given_at = models.DateTimeField(
        _("consent given"),
        null=True,
        blank=True,
        help_text=_(
            "When the expert agreed to the publication of the profile (the current consent "
            "text is recorded with it). Leave empty until then: the profile cannot be published."
        ),
    )
    consent_version = models.CharField(_("version of the consent text"), max_length=40, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    withdrawn_at = models.DateTimeField(
        _("consent withdrawn"),
        null=True,
        blank=True,
        help_text=_(
            "Set it when the expert withdraws the consent: every language's profile is "
            "unpublished at once and cannot be published again."
        ),
    )
    # What the expert's own withdrawal link signs: never shown, never derived from the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ExpertContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert (private contact and consent)")
        verbose_name_plural = _("experts (private contacts and consent)")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from community.models import ConsentRecord

        self.email = self.email.strip().lower()
        before = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        given = self.consent_given_at and not (before and before.consent_given_at)
        withdrawn = self.withdrawn_at and not (before and before.withdrawn_at)
        if given:
            # The text as the expert read it, in their language, with its version.
            self.consent_version = EXPERT_PROFILE.version
            self.consent_text = EXPERT_PROFILE.in_language(self.language)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if given:
                ConsentRecord.record(
                    self.email, EXPERT_PROFILE, ConsentRecord.Action.GIVEN, self.language
                )
            if withdrawn:
                ConsentRecord.record(
                    self.email, EXPERT_PROFILE, ConsentRecord.Action.WITHDRAWN, self.language
                )
                self.unpublish_profiles()

    @property
    def consents(self):
        return self.consent_given_at is not None and self.withdrawn_at is None

    def withdraw(self):
        """Withdraw the consent (once): every language's profile goes offline now."""
        if self.withdrawn_at is None:
            self.withdrawn_at = timezone.now()
            self.save()

    def unpublish_profiles(self):
        for page in ExpertPage.objects.filter(contact=self).live():
            page.unpublish(log_action="wagtail.unpublish")


class ExpertPageForm(LocaleChoicesForm):
    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        if "action-publish" in self.data and not (contact and contact.consents):
            self.add_error(
                "contact",
                _(
                    "This expert has not given (or has withdrawn) the consent to publication: "
                    "the profile can be saved as a draft but not published."
                ),
            )
        return cleaned


class ExpertPage(CountryMixin, BasePage):
    """One expert's public profile in one language (the title is the expert's name)."""

    base_form_class = ExpertPageForm

    contact = models.ForeignKey(
        ExpertContact,
        verbose_name=_("expert (private contact and consent)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only moderators see and record the consent; without it nothing is public."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        "pages.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "pages.Theme", verbose_name=_("themes"), blank=True, related_name="expert_pages"
    )
    regions = ParentalManyToManyField(
        "pages.Region",
        verbose_name=_("regions of experience"),
        blank=True,
        related_name="expert_pages",
    )
    languages = LanguageCodesField(
        _("languages spoken"), max_length=100, blank=True, help_text=_("Languages spoken.")
    )
    related_events = ParentalManyToManyField(
        "pages.EventPage",
        verbose_name=_("events taken part in"),
        blank=True,
        related_name="experts",
    )
    related_practices = ParentalManyToManyField(
        "pages.GoodPracticePage",
        verbose_name=_("good practices taken part in"),
        blank=True,
        related_name="experts",
    )

    parent_page_types = ["community.ExpertIndexPage"]
    subpage_types: list[str] = []
    type_key = "expert"
    search_contribution = Contribution(
        type="expert",
        label=_("Expert"),
        text=(
            Text("title", 3),
            Text("teaser", 2),
            Text("organisation", 2),
            Text("search_place", 2),
        ),
        select_related=("country__region",),
        prefetch_related=("themes", "regions"),
    )

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("teaser"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_alt_text"),
        SynchronizedField("contact"),
        TranslatableField("organisation"),
        TranslatableField("city"),
        SynchronizedField("country"),
        SynchronizedField("themes"),
        SynchronizedField("regions"),
        SynchronizedField("languages"),
        SynchronizedField("related_events"),
        SynchronizedField("related_practices"),
    ]

    content_panels = [
        FieldPanel("title", heading=_("Name")),
        FieldPanel("contact", permission="community.change_expertcontact"),
        FieldPanel("teaser", heading=_("Short biography")),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image", heading=_("Photo")), FieldPanel("hero_alt_text")],
            heading=_("Photo (optional)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages"),
            ],
            heading=_("Expertise"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("related_events", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_practices", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Took part in"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("organisation", boost=2),
        index.SearchField("city"),
    ]

    # Never the contact: the address and the consent are not public.
    api_fields = [
        APIField("teaser"),
        APIField("hero_image"),
        APIField("organisation"),
        APIField("city"),
        APIField("country", serializer=CountrySerializer(read_only=True)),
        APIField("themes", serializer=terms()),
        APIField("regions", serializer=terms()),
        APIField("languages"),
    ]

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def may_be_public(self):
        return (
            self.contact_id is not None
            and ExpertContact.objects.consenting().filter(pk=self.contact_id).exists()
        )

    def save(self, *args, **kwargs):
        # The one rule every path to publication passes (admin, workflow, scheduled, code).
        if self.live and not self.may_be_public():  # type: ignore[has-type]
            self.live = False
        return super().save(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if not self.may_be_public():
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.may_be_public() else []

    def search_facets(self):
        return {
            "theme": [theme.slug for theme in self.themes.all()],
            "region": sorted(
                {r.slug for r in self.regions.all()}
                | ({self.country.region.slug} if self.country_id else set())
            ),
            "country": [self.country.slug] if self.country_id else [],
        }

    def language_names(self):
        language = self.locale.language_code
        return [spoken_language_name(code, language) for code in self.languages]

    def lineage_events(self):
        from pages.models.lineage import one_per_item

        return one_per_item(self.related_events.all().order_by("-start_date"), self.locale_id)

    def lineage_practices(self):
        from pages.models.lineage import one_per_item

        return one_per_item(self.related_practices.all().order_by("title"), self.locale_id)


def public_experts():
    """Expert pages visitors may see: live, public, with consent given and not withdrawn."""
    return (
        ExpertPage.objects.live()
        .public()
        .filter(contact__consent_given_at__isnull=False, contact__withdrawn_at__isnull=True)
    )


class ExpertIndexPage(IndexPage):
    """The directory of experts, filterable by theme, region and language."""

    listing_model = ExpertPage
    listing_order = ("title",)
    subpage_types = ["community.ExpertPage"]
    page_params = ("theme", "region", "language", "page")

    class Meta:
        verbose_name = _("directory of experts")
        verbose_name_plural = _("directories of experts")

    def listing(self):
        return (
            super()
            .listing()
            .filter(contact__consent_given_at__isnull=False, contact__withdrawn_at__isnull=True)
            .select_related("country__region")
            .prefetch_related("themes", "regions")
        )

    def filter_choices(self):
        """{name: [(value, label)]} of the filters; themes and regions from the content cache."""
        return {
            **content_cache.get_or_build("expert-filters", self.pk, build=self._taxonomy_choices),
            "language": spoken_language_choices(),
        }

    def _taxonomy_choices(self):
        from pages.models import Region, Theme

        locale = self.locale
        focal = Theme.objects.filter(locale=locale, parent__isnull=True).order_by(
            "sort_order", "name"
        )
        topics = Theme.objects.filter(locale=locale, parent__isnull=False).order_by(
            "sort_order", "name"
        )
        themes = []
        for theme in focal:
            themes.append((theme.slug, theme.name))
            themes += [(t.slug, f"– {t.name}") for t in topics if t.parent_id == theme.pk]
        return {
            "theme": themes,
            "region": [(r.slug, r.name) for r in Region.objects.filter(locale=locale)],
        }

    def filtered(self, request, choices=None):
        """(queryset, {name: selected value}, [errors]) for the request's filters."""
        from pages.models import Theme

        choices = choices or self.filter_choices()
        items = self.listing()
        selected, errors = {}, []
        labels = {"theme": _("Theme"), "region": _("Region"), "language": _("Language")}
        for name in ("theme", "region", "language"):
            value = request.GET.get(name, "")
            if not value:
                continue
            if value not in dict(choices[name]):
                errors.append(
                    _("%(filter)s: “%(value)s” is not one of the choices; it was left out.")
                    % {"filter": labels[name], "value": value[:80]}
                )
                continue
            selected[name] = value
            if name == "theme":
                # A focal theme includes its topics.
                slugs = [
                    value,
                    *Theme.objects.filter(parent__slug=value).values_list("slug", flat=True),
                ]
                items = items.filter(themes__slug__in=slugs)
            elif name == "region":
                items = items.filter(Q(regions__slug=value) | Q(country__region__slug=value))
            else:
                items = items.filter(languages__contains=f" {value} ")
        return items.distinct(), selected, errors

    def listing_context(self, request):
        choices = self.filter_choices()
        items, selected, errors = self.filtered(request, choices)
        # The filters are validated choices: with them, the listing is keyed like the others
        # (ids and cards in the content cache; a withdrawal unpublishes the profiles).
        key = (
            self.pk,
            "page",
            *(selected.get(name, "") for name in ("theme", "region", "language")),
        )
        return {
            "items": paginate(request, items, key=key),
            "filters": choices,
            "selected": selected,
            "filter_errors": errors,
        }
