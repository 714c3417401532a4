from django.db import migrations, models

# DigComp frameworks imported before the language was recorded: their names are English.
DIGCOMP_SOURCE_START = "DigComp 3.0, European Commission"


def digcomp_is_english(apps, schema_editor):
    Framework = apps.get_model("competencies", "Framework")
    Framework.objects.filter(source__startswith=DIGCOMP_SOURCE_START, language="").update(
        language="en"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("competencies", "0006_profile_next_expiry"),
    ]

    operations = [
        migrations.AddField(
            model_name="framework",
            name="language",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Language of the competency names and descriptions (e.g. 'en'), as the "
                    "import file gives it. Names in another language than the page's are "
                    "labelled with it."
                ),
                max_length=10,
                verbose_name="language of the names",
            ),
        ),
        migrations.RunPython(digcomp_is_english, migrations.RunPython.noop),
    ]
