"""Wagtail API v2 at /api/v2/: pages (filter by ?type=pages.EventPage&locale=en), images, documents.

Open to anyone, so every query parameter either works or answers 400 with {"message": ...}: the
classes below close the gaps where Wagtail 8.0's own endpoints raise instead (an unknown
`search_operator`, an offset or id beyond the database's integers, a malformed `id` on /find/,
a filter value of the wrong type, an unknown `format`). The search text itself is made safe by the search
backend (search/wagtail_backend.py), so the admin's search gets the same protection.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from taggit.managers import TaggableManager
from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

SEARCH_OPERATORS = ("and", "or")


# The range of the database's integer keys (BigAutoField): no object has an id outside it.
ID_RANGE = range(-(2**63), 2**63)


class FieldsFilter(filters.FieldsFilter):
    """?title=, ?start_date=, ?themes=, ...: a value the field cannot hold is a 400; an id
    beyond the database's integers finds nothing (Wagtail would hand it to the database)."""

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in names and _is_relation(queryset.model, name):
                try:
                    number = int(value)
                except ValueError:
                    continue  # Wagtail's own check answers 400
                if number not in ID_RANGE:
                    return queryset.none()
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            raise BadRequestError("field filter error. " + " ".join(messages)) from error


def _is_relation(model, name):
    """A filter by the id of another object (tags are filtered by name)."""
    try:
        field = model._meta.get_field(name)
    except LookupError:
        return False
    return field.is_relation and not isinstance(field, TaggableManager)


class SearchFilter(filters.SearchFilter):
    """?search=&search_operator=: the operator is checked before the backend sees it."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(f"search_operator must be one of {', '.join(SEARCH_OPERATORS)}")
        return super().filter_queryset(request, queryset, view)


class Pagination(WagtailPagination):
    """?offset= past the last item gives an empty page. Wagtail slices the query with it
    unchecked, and an offset beyond the database's integers fails inside the database."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


def _replace(backends):
    replacements = {filters.FieldsFilter: FieldsFilter, filters.SearchFilter: SearchFilter}
    return [replacements.get(backend, backend) for backend in backends]


class PublicAPIMixin:
    def initial(self, request, *args, **kwargs):
        # PostgreSQL refuses text with NUL, and ?locale= or ?site= reach the database before any
        # filter runs. The search text is the exception: the backend drops control characters.
        for name, value in request.GET.items():
            if name != "search" and "\x00" in name + value:
                raise BadRequestError(f"{name.strip(chr(0))} must not contain a NUL character")
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def perform_content_negotiation(self, request, force=False):
        # DRF answers an unknown ?format= with a bare 404; say which formats exist.
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            raise BadRequestError(f"format must be one of {formats}") from error


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Live pages only, and never private ones (Wagtail's default keeps privacy-restricted pages)."""

    filter_backends = _replace(PagesAPIViewSet.filter_backends)
    pagination_class = Pagination

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PortalImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    filter_backends = _replace(ImagesAPIViewSet.filter_backends)
    pagination_class = Pagination


class PortalDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    filter_backends = _replace(DocumentsAPIViewSet.filter_backends)
    pagination_class = Pagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
