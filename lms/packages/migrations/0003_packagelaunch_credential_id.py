from django.db import migrations, models


def copy_client_ids(apps, schema_editor):
    PackageLaunch = apps.get_model("packages", "PackageLaunch")
    PackageLaunch.objects.filter(lrs_client__isnull=False).update(
        credential_id=models.F("lrs_client_id")
    )


class Migration(migrations.Migration):
    dependencies = [("packages", "0002_package_storage_outside_media")]

    operations = [
        migrations.AddField(
            model_name="packagelaunch",
            name="credential_id",
            field=models.BigIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(copy_client_ids, migrations.RunPython.noop),
    ]
