from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lms.accounts.services import person_erase


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
        label = str(user.pseudonym)
        erased = person_erase(user=user)
        self.stdout.write(
            f"Erased person {label}: {erased['statements']} statements, "
            f"{erased['documents']} documents."
        )
