"""Uploaded media served by the portal itself (`/media/...`), for sites without a separate web
server or object store in front.

Only image files are served here: original images and their renditions, which Wagtail treats
as public. Documents are never served from /media/: Wagtail's /documents/<id>/<name> view
serves them and enforces collection privacy, which a direct file URL would bypass.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

# Top-level folders of MEDIA_ROOT that visitors may read (Wagtail's image storage).
PUBLIC_FOLDERS = ("original_images", "images")
# Rendition and original file names change when their content does: cache them long.
MAX_AGE = 60 * 60 * 24 * 30


@require_safe
def serve(request, path):
    folder = path.split("/", 1)[0]
    if folder not in PUBLIC_FOLDERS:
        raise Http404("Not a public media file.")
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError as error:  # outside MEDIA_ROOT ("..", absolute paths)
        raise Http404("Not a public media file.") from error
    if not full_path.is_file():
        raise Http404("No such media file.")
    content_type, _encoding = mimetypes.guess_type(full_path.name)
    # Raster images only: an SVG or HTML file under these folders would run script on our origin.
    if not content_type or not content_type.startswith("image/") or "svg" in content_type:
        raise Http404("Not a public media file.")
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
