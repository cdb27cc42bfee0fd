"""Moderators' screen of the experts' private contacts: address, consent given, withdrawn.

The public profiles are pages (Pages → the directory of experts), edited and translated like
other pages; this screen holds what is never public. Setting "consent withdrawn" unpublishes
every language's profile at once (`ExpertContact.save`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from community.models import ExpertContact


class ExpertContactViewSet(ModelViewSet):
    model = ExpertContact
    icon = "user"
    menu_label = _("Experts: contacts and consent")
    add_to_admin_menu = True
    menu_order = 270
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["name", "email", "language", "consent_given_at", "withdrawn_at"]
    list_display = [
        "name",
        "language",
        BooleanColumn("consents", label=_("Profile may be public")),
        "consent_given_at",
        "withdrawn_at",
    ]
    list_filter = ["language"]
    search_fields = ["name", "email"]
    inspect_view_fields = [
        "name",
        "email",
        "language",
        "consent_given_at",
        "consent_version",
        "consent_text",
        "withdrawn_at",
    ]


expert_contact_viewset = ExpertContactViewSet("expert_contacts")


@hooks.register("register_admin_viewset")
def register_expert_contact_viewset():
    return expert_contact_viewset
