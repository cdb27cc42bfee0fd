"""The moderators' dashboard: how much of each translation awaiting their review is untranslated.

Wagtail's "Awaiting your review" panel (where they approve) says nothing about translation
progress and has no extension point for it, so this panel, right below it, lists the same task
states for pages that are synced translations, with wagtail-localize's own count
(`Translation.get_progress`) as it is now, and how many segments the translation memory marked
"check: source changed".
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .editor import translations_in_progress


class TranslationsAwaitingReviewPanel(Component):
    name = "translations_awaiting_review"
    template_name = "localization/editor/_awaiting_review_panel.html"
    order = 221  # right after Wagtail's "Awaiting your review" (220)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        page_type = ContentType.objects.get_for_model(Page)
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .filter(workflow_state__base_content_type=page_type)
            .select_related("revision__user")
            .order_by("-started_at")
        )
        pages = Page.objects.filter(
            pk__in=[int(state.workflow_state.object_id) for state in states]
        ).select_related("locale")
        pages_by_id = {page.pk: page for page in pages}
        progress = translations_in_progress(pages_by_id.values())
        rows = []
        for state in states:
            page_id = int(state.workflow_state.object_id)
            if page_id in progress:
                rows.append(
                    {
                        "page": pages_by_id[page_id],
                        "progress": progress[page_id],
                        "submitted_by": state.revision.user if state.revision else None,
                        "started_at": state.started_at,
                    }
                )
        return {"rows": rows}
