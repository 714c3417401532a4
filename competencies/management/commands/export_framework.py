import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from competencies.formats import to_case, to_csv
from competencies.models import Framework
from competencies.selectors import framework_data


class Command(BaseCommand):
    help = "Export a competency framework as IMS CASE 1.0 JSON or as the documented CSV."

    def add_arguments(self, parser):
        parser.add_argument("key", help="framework key, e.g. 'qd'")
        parser.add_argument("--format", choices=["case", "csv"], default="case")
        parser.add_argument("--output", "-o", default="-", help="file path, or - for stdout")

    def handle(self, *args, key, format, output, **options):
        framework = Framework.objects.select_related("scale").filter(key=key).first()
        if framework is None:
            raise CommandError(f"no framework with key '{key}'")
        data = framework_data(framework=framework)
        if format == "case":
            text = json.dumps(to_case(data), ensure_ascii=False, indent=2)
        else:
            text = to_csv(data)
        if output == "-":
            self.stdout.write(text)
        else:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"wrote {output}"))
