from django.core.management.base import BaseCommand, CommandError

from lms.accounts.scim.tokens import scim_token_revoke


class Command(BaseCommand):
    help = "Revoke a SCIM client's bearer token at once."

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, name, **options):
        if not scim_token_revoke(name=name):
            raise CommandError(f"No active SCIM token named {name!r}.")
        self.stdout.write(f"Revoked {name}.")
