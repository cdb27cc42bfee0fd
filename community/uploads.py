"""Uploads from the public, checked by the same rules as the Wagtail admin, and then some.

Images go through Wagtail's own `WagtailImageField` (WAGTAILIMAGES_EXTENSIONS, _MAX_UPLOAD_SIZE,
_MAX_IMAGE_PIXELS, and the file must really be an image of an allowed format). Documents go
through `WagtailDocumentField` (WAGTAILDOCS_MAX_UPLOAD_SIZE) and the document model's extension
rule (WAGTAILDOCS_EXTENSIONS); the admin stops there, but a public form also checks that the
content matches the extension, so that no program arrives renamed to .pdf.
"""

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

# What a document's first bytes must be, by extension; text formats must hold no binary content.
ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"}
TEXT_BASED = {"csv", "txt"}
SIGNATURES = {"pdf": (b"%PDF-",), **dict.fromkeys(ZIP_BASED, (b"PK\x03\x04",))}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by `file_field`, errors name the file."""

    def __init__(self, *args, file_field, max_files=5, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.file_field = file_field
        self.max_files = max_files

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > self.max_files:
            raise ValidationError(
                _("Please send at most %(max)d files here.") % {"max": self.max_files},
                code="too_many_files",
            )
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(self.file_field.clean(upload))
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class PublicDocumentField(WagtailDocumentField):
    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if allowed:
            FileExtensionValidator(allowed)(upload)
        check_document_content(upload)
        return upload


def check_document_content(upload):
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    disguised = ValidationError(
        _("The content of this file does not match its extension .%(extension)s.")
        % {"extension": extension},
        code="disguised_file",
    )
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            raise disguised
    elif extension in TEXT_BASED and (b"\x00" in head or filetype.guess(head) is not None):
        # Any text encoding will do (spreadsheets write CSV in many), but no binary content.
        raise disguised


def image_field():
    return WagtailImageField()


def document_field():
    return PublicDocumentField()
