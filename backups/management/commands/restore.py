from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive: REPLACES the whole database with the archive's and copies "
        "its media files into MEDIA_ROOT. Asks first unless --noinput."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, archive, interactive, **options):
        if interactive:
            answer = input(f"Replace this site's database and media with {archive}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing restored.")
        try:
            manifest = restore(archive, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}. Run `manage.py migrate` if this "
                "code is newer, and `manage.py search_rebuild` to rebuild the search index."
            )
        )
