"""Workarounds for Wagtail admin views that answer 500 to malformed parameters (Wagtail 8.0.1).

Checked against Wagtail 8.0.1; tests/cms/test_admin_walk.py walks every admin URL with hostile
parameters, so each guard can be dropped once the walk passes without it.

* `AdminParameterGuard` (middleware) answers 400 Bad Request for admin requests whose query
  string Wagtail would turn into a server error:
  - a NUL character anywhere: PostgreSQL refuses text containing NUL, so `?locale=%00` on any
    snippet listing or the page chooser raised DataError;
  - an `id` or `childOf` that is no database id: the choosers' `chosen-multiple` views, the
    admin API's `find` and the bulk actions pass them straight to `pk__in` (ValueError, or
    DataError beyond PostgreSQL's bigint range);
  - a `next` that is no address: the login view of a signed-in user redirects to it, and Django
    takes `?next=abc` for a URL name (NoReverseMatch).
* `bulk_action` stands in front of Wagtail's bulk action dispatcher, whose pages variant looks
  up `childOf` with `Page.objects.get`: a page that does not exist answers 404, as Wagtail
  answers ids that do not exist.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponseBadRequest
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action

# The largest value of a 64-bit signed integer column (PostgreSQL's bigint).
MAX_INTEGER_ID = 2**63 - 1
ID_PARAMETERS = ("id", "childOf")


def is_database_id(value):
    return value.isascii() and value.isdigit() and 0 < int(value) <= MAX_INTEGER_ID


def is_address(request, value):
    return value.startswith(("/", "http://", "https://")) and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def bad_parameter(request):
    """Why the admin cannot answer this query string, or None when it can."""
    query = request.GET
    if "\x00" in request.META.get("QUERY_STRING", "") or any(
        "\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query
    ):
        return "A parameter contains a NUL character."
    for name in ID_PARAMETERS:
        if not all(value == "all" or is_database_id(value) for value in query.getlist(name)):
            return f"The parameter {name!r} must be a list of ids."
    if "next" in query and not is_address(request, query["next"]):
        return "The parameter 'next' must be an address on this site."
    return None


class AdminParameterGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and (reason := bad_parameter(request)):
            return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def bulk_action(request, app_label, model_name, action):
    try:
        return wagtail_bulk_action(request, app_label, model_name, action)
    except ObjectDoesNotExist as error:  # childOf names no page
        raise Http404("No such parent.") from error
