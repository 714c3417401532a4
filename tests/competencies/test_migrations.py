"""Data migrations of competencies: DigComp frameworks imported before the language of
names was recorded are marked English."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from competencies.formats import DIGCOMP_SOURCE
from competencies.models import Framework

BEFORE = ("competencies", "0006_profile_next_expiry")


@pytest.mark.django_db(transaction=True)
def test_digcomp_frameworks_are_marked_english():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    apps = executor.loader.project_state([BEFORE]).apps
    Scale = apps.get_model("competencies", "ProficiencyScale")
    OldFramework = apps.get_model("competencies", "Framework")
    scale = Scale.objects.create(key="s", uri="urn:s", name="S")
    OldFramework.objects.create(
        key="digcomp", uri="urn:d", title="D", source=DIGCOMP_SOURCE, scale=scale
    )
    OldFramework.objects.create(key="own", uri="urn:o", title="O", source="Landesamt", scale=scale)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert dict(Framework.objects.values_list("key", "language")) == {"digcomp": "en", "own": ""}
