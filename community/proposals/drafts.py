"""A proposal becomes a draft good practice in the submitter's language, in moderation."""

from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale

from pages.models import GoodPracticeIndexPage, GoodPracticePage


class DraftError(Exception):
    pass


def rich_text(text):
    """Plain text from the form as paragraphs; escaped, so no markup gets through."""
    return linebreaks(text.strip(), autoescape=True) if text.strip() else ""


def unique_slug(parent, title):
    base = slugify(title)[:70].strip("-") or "practice"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_draft(proposal):
    """Create the draft page under the practice index of the proposal's language and submit it
    to the moderation workflow; raises DraftError when there is no place for it."""
    locale = Locale.objects.filter(language_code=proposal.language).first()
    index = GoodPracticeIndexPage.objects.filter(locale=locale).first() if locale else None
    if index is None:
        raise DraftError(f"No good practice index in the language {proposal.language!r}.")
    images = list(proposal.images.all())
    documents = list(proposal.documents.all())
    page = GoodPracticePage(
        title=proposal.title,
        slug=unique_slug(index, proposal.title),
        locale=locale,
        live=False,
        teaser=proposal.summary,
        city=proposal.city,
        country=proposal.country,
        contact_person=proposal.contact_person,
        contact_institution=proposal.contact_institution,
        hero_image=images[0] if images else None,
        **{name: rich_text(getattr(proposal, name)) for name in GoodPracticePage.SECTIONS},
    )
    page.themes = list(proposal.themes.all())
    if documents:
        with override(proposal.language):
            heading = _("Documents")
        page.documents = [
            (
                "documents",
                {
                    "heading": heading,
                    "documents": [{"document": d, "title": ""} for d in documents],
                },
            )
        ]
    if len(images) > 1:
        page.body = [
            ("image", {"image": image, "alt_text": "", "caption": ""}) for image in images[1:]
        ]
    index.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        # Wagtail mails the workflow's approvers (the Moderators) that it waits for them.
        workflow.start(page, None)
    return page, revision
