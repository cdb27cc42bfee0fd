"""Moderators' screen of proposed practices: what was sent, and the draft page it became.

A proposal is kept as sent (no edit view): moderators work on the draft page, in the workflow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from community.models import PracticeProposal


class ProposalPermissionPolicy(ModelPermissionPolicy):
    AS_SENT = {"add", "change", "copy"}

    def user_has_permission(self, user, action):
        return action not in self.AS_SENT and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ProposalViewSet(ModelViewSet):
    model = PracticeProposal
    icon = "form"
    menu_label = _("Proposed practices")
    add_to_admin_menu = True
    menu_order = 255
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["title"]
    list_display = [
        "title",
        "city",
        "country",
        "language",
        "submitted_at",
        Column("page", label=_("Draft page")),
    ]
    list_filter = ["language"]
    search_fields = ["title", "city", "name"]
    inspect_view_fields = [
        "submitted_at",
        "language",
        "name",
        "email",
        "organisation",
        "title",
        "city",
        "country",
        "themes",
        "summary",
        "challenge",
        "approach",
        "results",
        "lessons",
        "transferability",
        "contact_person",
        "contact_institution",
        "images",
        "documents",
        "page",
        "draft_error",
        "published_notice_sent_at",
    ]


register_permission_policy(PracticeProposal, ProposalPermissionPolicy(PracticeProposal))
proposal_viewset = ProposalViewSet("community_proposals")


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return proposal_viewset
