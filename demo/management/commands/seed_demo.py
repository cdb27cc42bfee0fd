"""`manage.py seed_demo`: bilingual demo content, safe to run again at any time."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from community.models import ExpertContact, PracticeProposal
from demo.seed import DemoContentError, DemoSeeder
from pages.models import (
    Country,
    PartnerOrganisation,
    PortalImage,
    Region,
    SustainableDevelopmentGoal,
    Theme,
)


class Command(BaseCommand):
    help = (
        "Create or update the bilingual demo content (German source, English translations "
        "through wagtail-localize). With DEBUG on, also the demo users admin, editor, moderator "
        "and translator, whose password is the DEMO_PASSWORD setting. Running it again changes "
        "nothing that is already up to date."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Do not create or update the demo users."
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def log(message):
            if verbosity >= 1:
                self.stdout.write(message)

        started = time.monotonic()
        try:
            DemoSeeder(log=log, users=not options["no_users"]).run()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            with translation.override("en"):
                self.print_counts()
            self.stdout.write(
                self.style.SUCCESS(f"Demo content is ready ({time.monotonic() - started:.1f} s).")
            )
            if settings.DEBUG and not options["no_users"]:
                self.stdout.write(
                    "Sign in at /admin/ as admin, editor, moderator or translator "
                    "with the DEMO_PASSWORD."
                )

    def print_counts(self):
        self.stdout.write("Counts (German / English):")
        locales = {locale.language_code: locale for locale in Locale.objects.all()}

        def per_locale(queryset):
            return " / ".join(
                str(queryset.filter(locale=locales[code]).count()) if code in locales else "0"
                for code in ("de", "en")
            )

        rows = [
            (model._meta.verbose_name_plural, per_locale(model.objects.all()))
            for model in (Region, Country, Theme, SustainableDevelopmentGoal, PartnerOrganisation)
        ]
        pages = Page.objects.exclude(depth=1).select_related("content_type")
        for content_type in sorted({page.content_type for page in pages}, key=str):
            model = content_type.model_class()
            rows.append((model._meta.verbose_name_plural, per_locale(model.objects.all())))
        for label, value in rows:
            self.stdout.write(f"  {label}: {value}")
        self.stdout.write(f"  images: {PortalImage.objects.count()}")
        self.stdout.write(f"  documents: {get_document_model().objects.count()}")
        self.stdout.write(f"  wagtail-localize translations: {Translation.objects.count()}")
        contacts = ExpertContact.objects
        self.stdout.write(
            f"  experts' contacts: {contacts.count()} ({contacts.consenting().count()} consenting)"
        )
        waiting = PracticeProposal.objects.filter(page__live=False).count()
        self.stdout.write(
            f"  proposed practices: {PracticeProposal.objects.count()} ({waiting} not published yet)"
        )
        self.stdout.write(f"  users: {get_user_model().objects.count()}")
