"""The public "propose a good practice" form."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from community import ratelimit

from . import service
from .forms import ProposalForm

# Per IP address and per submitter address: generous for people, tight for scripts.
IP_LIMIT = (5, 3600)
ADDRESS_LIMIT = (3, 24 * 3600)


@require_http_methods(["GET", "POST"])
def propose(request):
    language = get_language()
    if request.method != "POST":
        form = ProposalForm(language=language)
        return render(request, "community/proposals/propose.html", {"form": form})
    form = ProposalForm(request.POST, request.FILES, language=language)
    if not ratelimit.hit("proposal-ip", ratelimit.client_ip(request), *IP_LIMIT):
        return render(request, "community/rate_limited.html", status=429)
    if not form.is_valid():
        return render(request, "community/proposals/propose.html", {"form": form}, status=400)
    if form.is_spam():
        return redirect("propose_practice_thanks")
    if not ratelimit.hit("proposal-address", form.cleaned_data["email"], *ADDRESS_LIMIT):
        return render(request, "community/rate_limited.html", status=429)
    service.receive(form.cleaned_data, language)
    return redirect("propose_practice_thanks")


def thanks(request):
    return render(request, "community/proposals/thanks.html")
