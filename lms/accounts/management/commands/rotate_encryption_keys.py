from django.core.management.base import BaseCommand, CommandError

from lms import crypto


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored secret (forwarding passwords, TOTP secrets, recovery-code "
        "seeds) under the first key of QD_ENCRYPTION_KEYS, all or nothing. Run it after "
        "putting a new key in front; then the old key can be removed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check that every stored secret can be decrypted; change nothing.",
        )

    def handle(self, *args, check, **options):
        try:
            counts = crypto.reencrypt_everything(dry_run=check)
        except crypto.DecryptionError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        verb = "can be decrypted" if check else "re-encrypted under the first key"
        self.stdout.write(self.style.SUCCESS(f"{sum(counts.values())} secrets {verb}."))
