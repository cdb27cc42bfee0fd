"""Moderators' screen of confirmed subscribers, with the CSV/XLSX export for the mailing tool.

Subscribers come only from the double opt-in: nobody, superusers included, adds or edits one in
the admin (that would skip the consent). Deleting one erases it; see `community_personal_data`
for everything stored about an address.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from community.models import Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    FROM_SIGNUP_ONLY = {"add", "change", "copy"}

    def user_has_permission(self, user, action):
        return action not in self.FROM_SIGNUP_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ConfirmedSubscribersView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().confirmed().prefetch_related("themes")


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = ConfirmedSubscribersView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["language"]
    list_display = [
        "email",
        "language",
        Column("theme_slugs", label=_("Themes of interest")),
        "confirmed_at",
    ]
    list_filter = ["language", "themes"]
    search_fields = ["email"]
    list_export = ["email", "language", "theme_slugs", "confirmed_at", "unsubscribe_url"]
    export_headings = {
        "email": "email",
        "language": "language",
        "theme_slugs": "themes",
        "confirmed_at": "confirmed_at",
        "unsubscribe_url": "unsubscribe_url",
    }
    export_filename = "newsletter-subscribers"


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
subscriber_viewset = SubscriberViewSet("newsletter_subscribers")


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset
