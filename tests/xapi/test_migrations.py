"""Data migrations of the LRS: forwarding passwords stored in clear get encrypted."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lms.xapi.models import ForwardingEndpoint

BEFORE = ("xapi", "0004_platform_questions_without_answer_keys")
AFTER = ("xapi", "0005_forwarding_password_encrypted")


@pytest.mark.django_db(transaction=True)
def test_existing_clear_text_passwords_are_encrypted_and_the_column_dropped():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps.get_model("xapi", "ForwardingEndpoint")
    old.objects.create(name="Alt", url="https://lrs.example.org/xapi", password="klartext-1234")
    old.objects.create(name="Ohne", url="https://lrs.example.org/xapi", password="")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # the current schema, with AFTER

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM xapi_forwardingendpoint")
        columns = [column.name for column in cursor.description]
        rows = cursor.fetchall()
    assert "password" not in columns
    assert not any("klartext-1234" in str(value) for row in rows for value in row)
    endpoints = {e.name: e for e in ForwardingEndpoint.objects.all()}
    assert endpoints["Alt"].password == "klartext-1234"
    assert (endpoints["Ohne"].password_encrypted, endpoints["Ohne"].password) == ("", "")


@pytest.mark.django_db(transaction=True)
def test_stored_remote_answer_texts_are_replaced_by_a_generic_code():
    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])
    old = executor.loader.project_state([AFTER]).apps.get_model("xapi", "ForwardingEndpoint")
    old.objects.create(name="A", url="https://a.example.org", last_error="HTTP 500: <h1>x</h1>")
    old.objects.create(name="B", url="https://b.example.org", last_error="http:503")
    old.objects.create(name="C", url="https://c.example.org", last_error="")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # with 0005

    errors = dict(ForwardingEndpoint.objects.values_list("name", "last_error"))
    assert errors == {"A": "failed", "B": "http:503", "C": ""}
