"""Settings → Footer: one per site, its pages and organisations chosen once (in the source
language) and shown in the visitor's language through their translations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


def _page(verbose_name, help_text=""):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="list-ul")
class FooterSettings(ClusterableModel, BaseSiteSetting):
    imprint_page = _page(_("imprint"), _("Legally required (§ 5 DDG): who publishes the site."))
    privacy_page = _page(_("privacy notice"))
    contact_page = _page(_("contact"))
    accessibility_page = _page(
        _("accessibility statement"),
        _("Required by BITV 2.0 for public bodies and the projects they fund."),
    )
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    accessibility_feedback_email = models.EmailField(
        _("accessibility feedback address"),
        blank=True,
        help_text=_(
            "Where visitors report barriers (the feedback mechanism BITV 2.0 requires); "
            "shown in the footer on every page."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Legal pages"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("accessibility_feedback_email")],
            heading=_("Contact"),
        ),
        InlinePanel("links", heading=_("More links"), label=_("link")),
        InlinePanel("supporters", heading=_("Partners and funders"), label=_("organisation")),
        InlinePanel("social_links", heading=_("Social media"), label=_("profile")),
    ]

    class Meta:
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return str(self._meta.verbose_name)

    def legal_pages(self):
        """The legal pages that are set, in footer order."""
        return [
            page
            for page in (
                self.imprint_page,
                self.privacy_page,
                self.contact_page,
                self.accessibility_page,
            )
            if page is not None
        ]


class FooterLink(Orderable):
    """A page shown in the footer's "About" column (for example "Objective and services")."""

    setting = ParentalKey(FooterSettings, related_name="links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")


class FooterSupporter(Orderable):
    """A partner or funder whose logo the footer shows; its role comes from the snippet."""

    setting = ParentalKey(FooterSettings, related_name="supporters", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "pages.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner or funder")
        verbose_name_plural = _("partners and funders")


class SocialLink(Orderable):
    class Platform(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        INSTAGRAM = "instagram", "Instagram"
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X"

    setting = ParentalKey(FooterSettings, related_name="social_links", on_delete=models.CASCADE)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("address"))

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social media profile")
        verbose_name_plural = _("social media profiles")
