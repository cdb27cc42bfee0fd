"""Admin URLs and the "Translation status" item in the Reports menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from localization.status import views
from localization.status.permissions import can_view_status

urlpatterns = [
    path("", views.TranslationStatusView.as_view(), name="index"),
    path("results/", views.TranslationStatusView.as_view(results_only=True), name="index_results"),
    path("submit/", views.BulkSubmitView.as_view(), name="bulk_submit"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translation-status/",
            include((urlpatterns, "localization_status"), namespace="localization_status"),
        )
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("localization_status:index"),
        icon_name="site",
        order=8990,
    )
