"""Contact an expert through the portal, and the expert's own withdrawal of consent.

The message goes to the expert by mail, with the sender's address as Reply-To; visitors never
see the expert's address, and the portal does not store the message. The same honeypot and
rate limits (per IP address, per sender address and per expert) as the community's other forms.
"""

import logging

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from community import ratelimit
from community.mail import message
from community.models import ExpertContact, public_experts

from . import links
from .forms import ContactForm

logger = logging.getLogger(__name__)

IP_LIMIT = (5, 3600)
ADDRESS_LIMIT = (5, 24 * 3600)
# Messages one expert receives per day at most, whoever sends them.
EXPERT_LIMIT = (20, 24 * 3600)


def _expert(page_id):
    expert = (
        public_experts()
        .filter(pk=page_id, locale__language_code=get_language())
        .select_related("contact")
        .first()
    )
    if expert is None:
        raise Http404
    return expert


@never_cache
@require_http_methods(["GET", "POST"])
def contact(request, page_id):
    expert = _expert(page_id)
    if request.method != "POST":
        return render(
            request, "community/experts/contact.html", {"expert": expert, "form": ContactForm()}
        )
    form = ContactForm(request.POST)
    if not ratelimit.hit("expert-ip", ratelimit.client_ip(request), *IP_LIMIT):
        return render(request, "community/rate_limited.html", status=429)
    if not form.is_valid():
        return render(
            request, "community/experts/contact.html", {"expert": expert, "form": form}, status=400
        )
    if form.is_spam():
        return redirect("expert_contact_sent")
    data = form.cleaned_data
    if not ratelimit.hit("expert-address", data["email"], *ADDRESS_LIMIT) or not ratelimit.hit(
        "expert-recipient", str(expert.contact_id), *EXPERT_LIMIT
    ):
        return render(request, "community/rate_limited.html", status=429)
    person = expert.contact
    with override(person.language):
        subject = _("Message from %(name)s: %(subject)s") % {
            "name": data["name"],
            "subject": data["subject"],
        }
    mail = message(
        person.email,
        person.language,
        subject,
        "expert_message",
        {
            **data,
            "expert": person,
            "profile_url": expert.get_full_url(request),
            "withdraw_url": links.withdraw_url(person),
        },
        reply_to=[data["email"]],
    )
    try:
        mail.send()
    except OSError:
        logger.exception("Could not relay a message to expert %s", person.pk)
        return render(
            request,
            "community/experts/contact.html",
            {"expert": expert, "form": form, "failed": True},
            status=503,
        )
    return redirect("expert_contact_sent")


def sent(request):
    return render(request, "community/experts/sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    try:
        key = links.key_from_withdraw(token)
    except signing.BadSignature:
        return render(request, "community/newsletter/link_invalid.html", status=400)
    person = ExpertContact.objects.filter(key=key).first()
    if request.method == "POST":
        if person is not None:
            person.withdraw()
        return render(request, "community/experts/withdrawn.html")
    if person is None or person.withdrawn_at is not None:
        return render(request, "community/experts/withdrawn.html")
    # Mail scanners open links: withdrawing takes a click on the page, not a GET.
    return render(request, "community/experts/withdraw.html")
