from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create


class Command(BaseCommand):
    help = (
        "Write a backup archive (a consistent database snapshot and the media files) into "
        "--directory, default var/backups/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default="var/backups")

    def handle(self, *args, directory, **options):
        try:
            path = create(directory, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
