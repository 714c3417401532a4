"""ops/backup.sh and ops/restore.sh: a backup taken while statements keep arriving restores
into a fresh database with exactly the statements of its snapshot, byte for byte."""

import hashlib
import json
import os
import shutil
import subprocess
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from lms.xapi.models import Document, Statement
from lms.xapi.services import statements_store
from tests.faults.procs import ROOT
from tests.xapi.conftest import make_statement

BATCH = 50


def _batch(tag: str) -> list[dict]:
    return [
        make_statement(
            id=str(uuid.uuid4()),
            object={"id": f"https://example.org/activities/{tag}/{n}", "objectType": "Activity"},
            result={"score": {"scaled": n / BATCH}, "response": f"Antwort {n} – ä ö ü ß"},
        )
        for n in range(BATCH)
    ]


def _source_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _rows(url: str, ids=None) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT id::text, data FROM xapi_statement").fetchall()
    found = {statement_id: json.dumps(data, sort_keys=True) for statement_id, data in rows}
    if ids is not None:
        found = {key: value for key, value in found.items() if key in ids}
    return found


def _checksum(rows: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for statement_id in sorted(rows):
        digest.update(f"{statement_id}\t{rows[statement_id]}\n".encode())
    return digest.hexdigest()


def _run(script: str, *args, env: dict, check=True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(ROOT / "ops" / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # Say why a script failed: its stderr is the only account of it.
    assert not check or result.returncode == 0, (
        f"{script} exited with {result.returncode}: {result.stderr.strip()[-2000:]}"
    )
    return result


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_under_load_restores_every_statement_of_its_snapshot(pg_cluster, tmp_path):
    initial_batches = [_batch(f"before-{n}") for n in range(40)]
    for statements in initial_batches:
        statements_store(statements=statements)
    Document.objects.create(
        kind=Document.Kind.STATE,
        activity_id="https://example.org/activities/before-0/0",
        agent_key="mbox:mailto:learner@example.org",
        document_id="bookmark",
        content=b'{"page": 7}',
        content_type="application/json",
        etag="e" * 40,
        updated=timezone.now(),
    )
    media = tmp_path / "media"
    media.mkdir()
    (media / "reports.bin").write_bytes(os.urandom(100_000))
    packages = tmp_path / "package_files"
    (packages / "packages" / "content" / "golf").mkdir(parents=True)
    golf = packages / "packages" / "content" / "golf" / "index.html"
    golf.write_text("<h1>Golf</h1>", encoding="utf-8")

    # Keep writing whole batches while the backup runs.
    written: list[list[str]] = []
    stop = threading.Event()

    def writer():
        try:
            n = 0
            while not stop.is_set():
                statements = _batch(f"during-{n}")
                statements_store(statements=statements)
                written.append([item["id"] for item in statements])
                n += 1
        finally:
            connection.close()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        source = {
            "DATABASE_URL": _source_url(),
            "MEDIA_ROOT": str(media),
            "PACKAGE_ROOT": str(packages),
        }
        backup = Path(_run("backup.sh", str(tmp_path / "backups"), env=source).stdout.strip())
    finally:
        stop.set()
        thread.join(timeout=60)
    assert written, "the writer stored nothing during the backup"
    manifest = (backup / "MANIFEST").read_text()

    target_db = f"restore_{uuid.uuid4().hex[:8]}"
    pg_cluster.create_database(target_db)
    target = {
        "DATABASE_URL": pg_cluster.url(target_db),
        "MEDIA_ROOT": str(tmp_path / "restored"),
        "PACKAGE_ROOT": str(tmp_path / "restored_packages"),
    }
    result = _run("restore.sh", str(backup), env=target)
    assert "restored and verified" in result.stdout

    restored = _rows(target["DATABASE_URL"])
    initial_ids = {item["id"] for batch in initial_batches for item in batch}
    assert initial_ids <= set(restored), "a statement stored before the backup is missing"
    assert f"statements={len(restored)} " in manifest
    # Same ids, same JSON as the source for every restored statement.
    source_rows = _rows(_source_url(), set(restored))
    assert set(source_rows) == set(restored)
    assert _checksum(source_rows) == _checksum(restored)
    # The snapshot cut between batches, never through one (each batch is one transaction).
    for ids in written:
        present = sum(statement_id in restored for statement_id in ids)
        assert present in (0, len(ids)), f"a batch was cut: {present} of {len(ids)}"
    assert Statement.objects.count() >= len(restored)
    with psycopg.connect(target["DATABASE_URL"]) as conn:
        assert conn.execute("SELECT count(*) FROM xapi_document").fetchone()[0] == 1
    restored_media = tmp_path / "restored"
    assert (restored_media / "reports.bin").read_bytes() == (media / "reports.bin").read_bytes()
    restored_golf = tmp_path / "restored_packages" / golf.relative_to(packages)
    assert restored_golf.read_text() == "<h1>Golf</h1>"
    print(
        f"backup/restore: {len(restored)} statements restored "
        f"({len(initial_ids)} before, {len(restored) - len(initial_ids)} during the backup; "
        f"{sum(map(len, written))} written during it), checksum {_checksum(restored)[:16]}"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_corrupt_backup_and_a_non_empty_target(pg_cluster, tmp_path):
    statements_store(statements=_batch("corrupt"))
    source = {
        "DATABASE_URL": _source_url(),
        "MEDIA_ROOT": str(tmp_path / "none"),
        "PACKAGE_ROOT": str(tmp_path / "none"),
    }
    backup = Path(_run("backup.sh", str(tmp_path / "backups"), env=source).stdout.strip())

    good = tmp_path / "good"
    shutil.copytree(backup, good)
    dump = backup / "database.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    target_db = f"restore_{uuid.uuid4().hex[:8]}"
    pg_cluster.create_database(target_db)
    target = {
        "DATABASE_URL": pg_cluster.url(target_db),
        "MEDIA_ROOT": str(tmp_path / "out"),
        "PACKAGE_ROOT": str(tmp_path / "out_packages"),
    }
    result = _run("restore.sh", str(backup), env=target, check=False)
    assert result.returncode == 2
    assert "do not match" in result.stderr
    with psycopg.connect(target["DATABASE_URL"]) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()[0]
    assert tables == 0

    # A target that already holds a database is refused, not merged into.
    result = _run("restore.sh", str(good), env=source, check=False)
    assert result.returncode == 2
    assert "already has" in result.stderr
