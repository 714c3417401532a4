from django.core.management.base import BaseCommand

from lms.assignments.services import training_reminders_send


class Command(BaseCommand):
    help = "Send the day's mandatory-training reminders and manager digests."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Send nothing; print one line per reminder: e-mail, course, deadline, kind.",
        )

    def handle(self, *args, dry_run=False, **options):
        counts = training_reminders_send(dry_run=dry_run, out=self.stdout)
        if not dry_run:
            self.stderr.write(
                "{reminders} reminders, {digests} manager digests, {failed} failed".format(**counts)
            )
