from django.core.management.base import BaseCommand, CommandError

from lms.xapi.services import lrs_client_create


class Command(BaseCommand):
    help = "Create HTTP Basic credentials for the LRS at /xapi/ and print them once."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--key", default=None)
        parser.add_argument(
            "--secret",
            default=None,
            help=(
                "Use this secret instead of a generated one (e.g. one another system already "
                "holds). It must pass the strength rule: 32-256 characters from A-Z a-z 0-9 "
                "- _ . ~ + / =, at least 8 different ones, none more than a third of it, no "
                "repeated stretch. Better: leave it out and copy the generated secret."
            ),
        )
        parser.add_argument("--read-only", action="store_true")

    def handle(self, *args, name, key, secret, read_only, **options):
        try:
            client, secret = lrs_client_create(
                name=name, key=key, secret=secret, read_only=read_only
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"key: {client.key}")
        self.stdout.write(f"secret: {secret}")
