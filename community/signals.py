"""When a proposed practice is published, its submitter gets the link (once)."""

import logging

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from community.mail import message
from community.models import PracticeProposal

logger = logging.getLogger(__name__)


@receiver(page_published, dispatch_uid="community.proposal_published")
def tell_the_submitter(sender, instance, **kwargs):
    proposal = PracticeProposal.objects.filter(
        page_id=instance.pk, published_notice_sent_at__isnull=True
    ).first()
    if proposal is None:
        return
    url = instance.get_full_url()
    mail = message(
        proposal.email,
        proposal.language,
        _("Your practice is published"),
        "proposal_published",
        {"proposal": proposal, "url": url},
    )
    try:
        mail.send()
    except OSError:
        logger.exception("Could not tell the submitter of proposal %s", proposal.pk)
        return
    PracticeProposal.objects.filter(pk=proposal.pk).update(published_notice_sent_at=timezone.now())
