from django.core.management.base import BaseCommand

from lms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create (or refresh) the demo agency, people, courses and results. Idempotent."

    def handle(self, *args, **options):
        load_demo(self.stdout)
