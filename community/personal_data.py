"""Everything the community app stores about a person, found by their e-mail address.

`export(email)` gathers it as JSON-ready data (GDPR Art. 15 and 20), `erase(email)` deletes it
(Art. 17), and `expired()` lists what the retention rules no longer allow to keep. The command
`community_personal_data` runs them; each channel adds its models here.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslatableObject,
)

from community.models import ConsentRecord, ExpertContact, ExpertPage, PracticeProposal, Subscriber
from community.newsletter.links import confirm_max_age

# Proof of consent is kept this long after the data it covered is gone (limitation period).
CONSENT_PROOF_DAYS = 3 * 365
# Unsubscribed addresses are kept this long, so that the mailing tool's next import drops them.
UNSUBSCRIBED_DAYS = 30


def _deleted(queryset):
    """How many rows of the queryset's own model were deleted (not counting their links)."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def _delete_unused_uploads(proposals):
    """Delete the images and documents of these proposals that no page or other proposal uses."""
    deleted = 0
    # Wagtail's reference index also lists the proposals' own links to their files.
    proposal_type = ContentType.objects.get_for_model(PracticeProposal)
    others = PracticeProposal.objects.exclude(pk__in=proposals.values("pk"))
    for relation in ("images", "documents"):
        shared = set(others.values_list(f"{relation}__pk", flat=True))
        for upload in {
            item for proposal in proposals for item in getattr(proposal, relation).all()
        }:
            used = ReferenceIndex.get_references_to(upload).exclude(base_content_type=proposal_type)
            if upload.pk in shared or used.exists():
                continue
            upload.delete()
            deleted += 1
    return deleted


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def export(email):
    email = email.strip().lower()
    data = {"email": email, "newsletter": None, "proposals": [], "expert": None, "consents": []}
    subscriber = Subscriber.objects.filter(email=email).prefetch_related("themes").first()
    if subscriber is not None:
        data["newsletter"] = {
            "status": subscriber.status,
            "language": subscriber.language,
            "themes": sorted(t.slug for t in subscriber.themes.all()),
            "requested_at": _when(subscriber.requested_at),
            "confirmed_at": _when(subscriber.confirmed_at),
            "unsubscribed_at": _when(subscriber.unsubscribed_at),
        }
    for proposal in PracticeProposal.objects.filter(email=email).select_related("country"):
        data["proposals"].append(
            {
                "submitted_at": _when(proposal.submitted_at),
                "language": proposal.language,
                "name": proposal.name,
                "organisation": proposal.organisation,
                "title": proposal.title,
                "city": proposal.city,
                "country": proposal.country.slug,
                "contact_person": proposal.contact_person,
                "draft_page_id": proposal.page_id,
            }
        )
    contact = ExpertContact.objects.filter(email=email).first()
    if contact is not None:
        data["expert"] = {
            "name": contact.name,
            "language": contact.language,
            "consent_given_at": _when(contact.consent_given_at),
            "consent_version": contact.consent_version,
            "withdrawn_at": _when(contact.withdrawn_at),
            "profiles": [
                {
                    "language": page.locale.language_code,
                    "live": page.live,
                    "name": page.title,
                    "organisation": page.organisation,
                    "city": page.city,
                    "country": page.country.slug,
                    "biography": page.teaser,
                    "themes": sorted(t.slug for t in page.themes.all()),
                    "regions": sorted(r.slug for r in page.regions.all()),
                    "languages": page.languages,
                }
                for page in ExpertPage.objects.filter(contact=contact)
                .select_related("locale", "country")
                .order_by("locale__language_code")
            ],
        }
    for record in ConsentRecord.objects.filter(email=email):
        data["consents"].append(
            {
                "purpose": record.purpose,
                "action": record.action,
                "at": _when(record.at),
                "version": record.version,
                "language": record.language,
                "text": record.text,
            }
        )
    return data


def _delete_translation_data(keys):
    """wagtail-localize's copies of the profiles' texts: the sources, their segments, the
    translations and the source strings no other content uses. Deleting a page keeps them
    (WAGTAILLOCALIZE_DISABLE_ON_DELETE, so that translators lose nothing); an erasure must not.
    Segments protect their contexts, hence this order (as wagtail-localize's own cleanup)."""
    segments = (OverridableSegment, RelatedObjectSegment, StringSegment, TemplateSegment)
    string_ids = set(
        StringSegment.objects.filter(context__object_id__in=keys).values_list(
            "string_id", flat=True
        )
    )
    for model in segments:
        model.objects.filter(context__object_id__in=keys).delete()
    for model in (SegmentOverride, StringTranslation):
        model.objects.filter(context__object_id__in=keys).delete()
    TranslatableObject.objects.filter(translation_key__in=keys).delete()
    # A name or biography as a source string (with its translations), unless used elsewhere.
    String.objects.filter(pk__in=string_ids, segments__isnull=True).delete()


def _delete_profiles(email):
    pages = list(ExpertPage.objects.filter(contact__email=email))
    keys = {page.translation_key for page in pages}
    for page in pages:
        page.delete()  # Wagtail's delete: its revisions go too, and search forgets it
    _delete_translation_data(keys)
    return len(pages)


@transaction.atomic
def erase(email):
    """Delete everything stored about `email`; returns {what: how many}."""
    email = email.strip().lower()
    counts = {
        "newsletter subscriptions": _deleted(Subscriber.objects.filter(email=email)),
        # The proposal as sent (name, address) and the files uploaded with it that no page uses;
        # a practice page made from it is the portal's own content and stays (with the files it
        # shows), edited by the moderators if it names the person.
        "uploaded files": _delete_unused_uploads(PracticeProposal.objects.filter(email=email)),
        "proposed practices": _deleted(PracticeProposal.objects.filter(email=email)),
        # The profile pages of every language with their revisions, then the person.
        "expert profiles": _delete_profiles(email),
        "expert contacts": _deleted(ExpertContact.objects.filter(email=email)),
        "consent records": _deleted(ConsentRecord.objects.filter(email=email)),
    }
    return {what: count for what, count in counts.items() if count}


@transaction.atomic
def purge_expired(now=None):
    """Apply the retention rules; returns {what: how many deleted}."""
    now = now or timezone.now()
    pending = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        requested_at__lt=now - datetime.timedelta(seconds=confirm_max_age()),
    )
    unsubscribed = Subscriber.objects.filter(
        status=Subscriber.Status.UNSUBSCRIBED,
        unsubscribed_at__lt=now - datetime.timedelta(days=UNSUBSCRIBED_DAYS),
    )
    counts = {
        "unconfirmed sign-ups": _deleted(pending),
        "unsubscribed addresses": _deleted(unsubscribed),
    }
    # Proof of a newsletter consent outlives the subscription by CONSENT_PROOF_DAYS.
    subscribed = Subscriber.objects.values("email")
    old_proof = ConsentRecord.objects.filter(
        purpose="newsletter", at__lt=now - datetime.timedelta(days=CONSENT_PROOF_DAYS)
    ).exclude(email__in=subscribed)
    counts["consent records"] = _deleted(old_proof)
    return {what: count for what, count in counts.items() if count}
