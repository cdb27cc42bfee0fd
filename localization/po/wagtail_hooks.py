"""Put the guarded PO upload on wagtail-localize's own URL.

wagtail-localize's translation editor posts PO files to `wagtail_localize:upload_pofile`
(`/admin/localize/translate/<id>/pofile/upload/`). This hook registers our view under that very
path, ahead of wagtail-localize's (`order=-1`: Wagtail builds the admin URLs in hook order and
Django resolves the first match). So `reverse("wagtail_localize:upload_pofile")` is unchanged,
the editor needs no patching, and no request, raw or not, reaches the unguarded upstream view.
The confirmation step has a URL of its own.
"""

from django.urls import include, path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls", order=-1)
def register_po_upload_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="localization_po_upload",
        ),
        path(
            "localization/po/",
            include(
                (
                    [
                        path(
                            "<int:translation_id>/confirm/",
                            views.confirm_upload,
                            name="confirm_upload",
                        ),
                    ],
                    "localization_po",
                ),
                namespace="localization_po",
            ),
        ),
    ]
