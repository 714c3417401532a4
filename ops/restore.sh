#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database, media folder and package
# folder, then verify it against the backup's manifest (statement count and checksum).
#
#   createdb -h db -U postgres qd_restored
#   DATABASE_URL=postgres://…/qd_restored MEDIA_ROOT=/srv/qd/media \
#     PACKAGE_ROOT=/srv/qd/package_files ops/restore.sh BACKUP_DIR
#
# Refuses a database that already has tables or a media or package folder that is not
# empty. Backups from before packages.tar.gz existed restore their media only. Exits
# non-zero (and says why) if a file is corrupt, the restore fails, or the restored
# statements differ from the manifest.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the (empty) database to restore into}"
MEDIA_ROOT=${MEDIA_ROOT:-media}
PACKAGE_ROOT=${PACKAGE_ROOT:-package_files}
backup=${1:?usage: ops/restore.sh BACKUP_DIR}
here=$(cd "$(dirname "$0")" && pwd)

(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || {
  echo "restore: checksums in $backup/SHA256SUMS do not match; not restoring" >&2; exit 2; }

tables=$(psql "$DATABASE_URL" -XAtc \
  "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
if [ "$tables" != "0" ]; then
  echo "restore: the target database already has $tables tables; use an empty one" >&2; exit 2
fi
for folder in "$MEDIA_ROOT" "$PACKAGE_ROOT"; do
  if [ -d "$folder" ] && [ -n "$(ls -A "$folder")" ]; then
    echo "restore: $folder is not empty; use an empty folder" >&2; exit 2
  fi
done

pg_restore --dbname="$DATABASE_URL" --no-owner --no-privileges --exit-on-error \
  --single-transaction "$backup/database.dump"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$backup/media.tar.gz" --no-same-owner
if [ -f "$backup/packages.tar.gz" ]; then
  mkdir -p "$PACKAGE_ROOT"
  tar -C "$PACKAGE_ROOT" -xzf "$backup/packages.tar.gz" --no-same-owner
fi

expected=$(sed -n 's/^stats: //p' "$backup/MANIFEST")
actual=$(psql "$DATABASE_URL" -XAt -v ON_ERROR_STOP=1 -f "$here/stats.sql")
if [ "$expected" != "$actual" ]; then
  echo "restore: verification failed: expected $expected, found $actual" >&2; exit 3
fi
echo "restored and verified: $actual"
