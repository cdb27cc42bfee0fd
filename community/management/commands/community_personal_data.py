"""Requests about a person's data: `export EMAIL` (JSON on stdout), `erase EMAIL`, `purge`.

manage.py community_personal_data export ada@example.org > ada.json
manage.py community_personal_data erase ada@example.org
manage.py community_personal_data purge      # the retention rules; run it daily (cron)
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from community import personal_data


class Command(BaseCommand):
    help = "Export or erase a person's data in the community app, or apply the retention rules."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("export", help="Print everything stored about an address as JSON.")
        sub.choices["export"].add_argument("email")
        sub.add_parser("erase", help="Delete everything stored about an address.")
        sub.choices["erase"].add_argument("email")
        sub.add_parser("purge", help="Delete what the retention rules no longer allow to keep.")

    def _email(self, options):
        try:
            validate_email(options["email"].strip())
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {options['email']!r}") from error
        return options["email"]

    def handle(self, *args, **options):
        action = options["action"]
        if action == "export":
            data = personal_data.export(self._email(options))
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        elif action == "erase":
            counts = personal_data.erase(self._email(options))
            if not counts:
                self.stdout.write("Nothing stored about this address.")
            for what, count in counts.items():
                self.stdout.write(f"Erased {count} {what}.")
        else:
            counts = personal_data.purge_expired()
            if not counts:
                self.stdout.write("Nothing to delete.")
            for what, count in counts.items():
                self.stdout.write(f"Deleted {count} {what}.")
