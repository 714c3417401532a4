"""Platform questions' definitions in the Activities resource lose their answer keys.

Statements recorded before the platform stopped emitting them merged the keys into the
stored activity definitions, which ``GET /xapi/activities`` hands out.
"""

from django.conf import settings
from django.db import migrations


def strip_answer_keys(apps, schema_editor):
    Activity = apps.get_model("xapi", "Activity")
    prefix = settings.QD_XAPI_BASE_IRI.rstrip("/") + "/activities/question/"
    changed = []
    for activity in Activity.objects.filter(activity_id__startswith=prefix).iterator():
        if "correctResponsesPattern" in activity.definition:
            activity.definition.pop("correctResponsesPattern")
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["definition"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("xapi", "0003_statement_actor_verb_index")]

    operations = [migrations.RunPython(strip_answer_keys, migrations.RunPython.noop)]
