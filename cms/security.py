"""Brute-force protection and the Content-Security-Policy.

- Logins (the Wagtail admin and anything else using django.contrib.auth) are throttled by
  django-axes: AXES_FAILURE_LIMIT wrong passwords for one user name from one address lock that
  pair out for AXES_COOLOFF_TIME, also for the right password.
- Page passwords (Wagtail's PasswordViewRestriction form) do not go through django.contrib.auth,
  so `authenticate_with_password` below counts them in axes too, under the user name
  "page-password:<restriction id>".
- Both lockouts answer 429 with `templates/security/lockout.html`, in the visitor's language.
- CSP: the policy of CONTENT_SECURITY_POLICY for the site; the Wagtail admin gets
  ADMIN_CSP_UPDATE on top, since some of its widgets and panels still use inline scripts and
  styles (Wagtail 8.0).
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as wagtail_views

from demo.auth import NoDemoAccountsOutsideDebugBackend


class PortalLoginBackend(AxesStandaloneBackend, NoDemoAccountsOutsideDebugBackend):
    """The one authentication backend: django-axes' lockout check first (it raises for a
    locked-out name and address), then the portal's rules for accounts (demo.auth). One class,
    so that sessions (force_login included) name a backend that can load their user."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        return NoDemoAccountsOutsideDebugBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )


def lockout(request, *args):
    """AXES_LOCKOUT_CALLABLE: a page that says what happened and when to try again."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(
        request,
        "security/lockout.html",
        {"minutes": minutes, "admin": request.path.startswith("/admin/")},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password form, counted by axes like a login."""
    credentials = {"username": f"page-password:{page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects when the password is right and shows the form again when it is wrong.
    if request.method == "POST" and response.status_code == 200:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/") and not report_only:
            parts.update = {**settings.ADMIN_CSP_UPDATE, **(parts.update or {})}
        return parts
