from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lms.accounts.services import audit_log
from lms.xapi.services import actor_erase


class Command(BaseCommand):
    help = (
        "Erase a person (GDPR Art. 17): their learning records, documents and projections, "
        "then the account itself. Aggregates are recomputed from what remains."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No person with the e-mail address {email}.")
        with transaction.atomic():
            label = str(user.pseudonym)
            erased = actor_erase(user=user)
            user.delete()
            audit_log(actor=None, action="person.erased", subject=label, details=erased)
        self.stdout.write(
            f"Erased person {label}: {erased['statements']} statements, "
            f"{erased['documents']} documents."
        )
