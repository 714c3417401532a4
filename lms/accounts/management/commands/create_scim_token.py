from django.core.management.base import BaseCommand, CommandError

from lms.accounts.scim.tokens import scim_token_create


class Command(BaseCommand):
    help = "Create a bearer token for a SCIM provisioning client; the token is shown once."

    def add_arguments(self, parser):
        parser.add_argument("name", help="A name for the client, e.g. the identity system")

    def handle(self, *args, name, **options):
        try:
            _token, value = scim_token_create(name=name)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(value)
        self.stderr.write("Store this token now: it is not shown again.")
