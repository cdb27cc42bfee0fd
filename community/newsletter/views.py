"""The public side of the newsletter: sign-up, confirmation and unsubscription pages."""

from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from community import ratelimit
from community.models import Subscriber
from pages import content_cache
from pages.models import NewsPage
from pages.models.news import NewsCategory

from . import links, service
from .forms import SignupForm

# Sign-up attempts per IP address (valid or not): enough for a household or an office.
IP_LIMIT = (10, 3600)


def past_issues(language, limit=6):
    """The latest newsletter issues in `language` (a list), kept per generation
    (pages.content_cache: publishing an issue makes it stale)."""
    return content_cache.get_or_build(
        "newsletter-issues",
        language,
        limit,
        build=lambda: list(
            NewsPage.objects.live()
            .public()
            .filter(category=NewsCategory.NEWSLETTER, locale__language_code=language)
            .order_by("-date", "-pk")[:limit]
        ),
    )


@require_http_methods(["GET", "POST"])
def signup(request):
    language = get_language()
    form = SignupForm(request.POST or None, language=language)
    if request.method == "POST":
        if not ratelimit.hit("newsletter-ip", ratelimit.client_ip(request), *IP_LIMIT):
            return render(request, "community/rate_limited.html", status=429)
        if form.is_valid():
            if not form.is_spam():
                data = form.cleaned_data
                service.sign_up(data["email"], data["language"], data["themes"])
            # The same answer for every well-formed address, whatever happened.
            return redirect("newsletter_thanks")
    return render(
        request,
        "community/newsletter/signup.html",
        {"form": form, "past_issues": past_issues(language)},
        status=400 if form.errors else 200,
    )


def thanks(request):
    return render(
        request, "community/newsletter/thanks.html", {"hours": links.confirm_max_age() // 3600}
    )


def _subscriber(key):
    return Subscriber.objects.filter(key=key).first()


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = _subscriber(links.key_from_confirmation(token))
    except signing.SignatureExpired:
        return render(request, "community/newsletter/link_expired.html", status=410)
    except signing.BadSignature:
        return render(request, "community/newsletter/link_invalid.html", status=400)
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return render(request, "community/newsletter/link_expired.html", status=410)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "community/newsletter/confirmed.html")
    if request.method == "POST":
        service.confirm(subscriber)
        return render(request, "community/newsletter/confirmed.html")
    # Mail scanners open links: confirming takes a click on the page, not a GET.
    return render(request, "community/newsletter/confirm.html")


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        key = links.key_from_unsubscribe(token)
    except signing.BadSignature:
        return render(request, "community/newsletter/link_invalid.html", status=400)
    subscriber = _subscriber(key)
    if request.method == "POST":
        if subscriber is not None:
            service.unsubscribe(subscriber)
        return render(request, "community/newsletter/unsubscribed.html")
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return render(request, "community/newsletter/unsubscribed.html")
    return render(request, "community/newsletter/unsubscribe.html")
