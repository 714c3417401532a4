import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand

from lms.demo.people import DEMO_TOTP_SECRETS


class Command(BaseCommand):
    help = "Print the current TOTP codes of the demo staff accounts."

    def handle(self, *args, **options):
        counter = int(time.time()) // 30
        for email, secret in DEMO_TOTP_SECRETS.items():
            code = format_hotp_value(hotp_value(secret, counter))
            self.stdout.write(f"{email:<24} {code}")
