"""Receiving a proposal: store it first, whatever happens next, then make the draft and mail.

1. The proposal, its files (in the "Proposed practices" collection) and the consent records are
   saved in one transaction: once the visitor sees the thank-you page, nothing is lost.
2. The draft page is created and submitted to the moderation workflow (Wagtail mails the
   moderators). If that fails, the proposal keeps the reason and the moderators get a mail.
3. The submitter gets a confirmation; `community.signals` sends the link once it is published.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from community.consent import PROPOSAL_CONTACT, PROPOSAL_PUBLICATION
from community.links import absolute_url
from community.mail import message
from community.models import ConsentRecord, PracticeProposal
from localization.roles.groups import MODERATORS

from .drafts import create_draft

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Proposed practices"
FIELDS = (
    "name",
    "email",
    "organisation",
    "title",
    "city",
    "country",
    "summary",
    "challenge",
    "approach",
    "results",
    "lessons",
    "transferability",
    "contact_person",
    "contact_institution",
)


def proposals_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


@transaction.atomic
def store(data, language):
    proposal = PracticeProposal.objects.create(
        language=language, **{name: data[name] for name in FIELDS}
    )
    proposal.themes.set(data["themes"])
    collection = proposals_collection()
    images = [
        get_image_model().objects.create(title=f.name, file=f, collection=collection)
        for f in data["images"]
    ]
    documents = [
        get_document_model().objects.create(title=f.name, file=f, collection=collection)
        for f in data["documents"]
    ]
    proposal.images.set(images)
    proposal.documents.set(documents)
    for consent in (PROPOSAL_PUBLICATION, PROPOSAL_CONTACT):
        ConsentRecord.record(proposal.email, consent, ConsentRecord.Action.GIVEN, language)
    return proposal


def receive(data, language):
    proposal = store(data, language)
    try:
        draft(proposal)
    except Exception as error:
        logger.exception("No draft page for practice proposal %s", proposal.pk)
        proposal.draft_error = f"{type(error).__name__}: {error}"
        proposal.save(update_fields=["draft_error"])
        _mail_moderators_about_failure(proposal)
    _send(
        message(
            proposal.email,
            language,
            _("We have received your proposal"),
            "proposal_received",
            {"proposal": proposal},
        )
    )
    return proposal


def draft(proposal):
    """Make the stored proposal's draft page and submit it to moderation; returns the page."""
    with transaction.atomic():
        page, _revision = create_draft(proposal)
        proposal.page = page
        proposal.save(update_fields=["page"])
    return page


def _send(mail):
    try:
        mail.send()
    except OSError:
        logger.exception("Could not send the mail %r", mail.subject)


def moderator_addresses():
    users = get_user_model().objects.filter(groups__name=MODERATORS, is_active=True)
    return sorted({user.email for user in users if user.email})


def _mail_moderators_about_failure(proposal):
    to = moderator_addresses()
    if not to:
        return
    url = absolute_url(reverse("community_proposals:inspect", args=[proposal.pk]))
    _send(
        message(
            to,
            "en",
            _("A proposed practice needs your attention"),
            "proposal_failed",
            {"proposal": proposal, "admin_url": url},
        )
    )
