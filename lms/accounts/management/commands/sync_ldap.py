from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.accounts.ldap_sync import directory_sync


class Command(BaseCommand):
    help = "Read people and group membership from LDAP / Active Directory and apply them."

    def handle(self, *args, **options):
        if not settings.AUTH_LDAP_SERVER_URI:
            raise CommandError("AUTH_LDAP_SERVER_URI is not set.")
        result = directory_sync()
        for error in result.errors:
            self.stderr.write(error)
        self.stdout.write(f"applied {result.applied}, deactivated {result.deactivated}")
