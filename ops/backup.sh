#!/usr/bin/env bash
# Back up Qualifica Digitalis: a PostgreSQL dump (custom format) plus the media files and
# the content package files.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/qd/media PACKAGE_ROOT=/srv/qd/package_files \
#     ops/backup.sh [DESTINATION]
#
# Writes DESTINATION/qd-<UTC time>/ (DESTINATION defaults to ./backups) with
#   database.dump   pg_dump --format=custom of the whole database
#   media.tar.gz    the media folder (uploads, reports)
#   packages.tar.gz the content package folder (uploaded zips and their unpacked files)
#   MANIFEST        when, what, and the statement count and checksum of that same snapshot
#   SHA256SUMS      checksums of the files above (restore.sh verifies them first)
# The dump and the manifest figures come from one exported snapshot, so they agree even
# while the platform keeps writing. Prints the backup folder on success.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
MEDIA_ROOT=${MEDIA_ROOT:-media}
PACKAGE_ROOT=${PACKAGE_ROOT:-package_files}
destination=${1:-backups}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$destination/qd-$stamp"
mkdir -p "$out"
trap 'status=$?; [ $status -eq 0 ] || { echo "backup failed; removing $out" >&2; rm -rf "$out"; }' EXIT

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=ops/stats.sql
stats_sql=$(cat "$here/stats.sql")

# One read-only repeatable-read transaction holds the snapshot that pg_dump uses too.
coproc SNAPSHOT { psql "$DATABASE_URL" --quiet --no-align --tuples-only --no-psqlrc \
  --set ON_ERROR_STOP=1 2>&1; }
# Bash unsets SNAPSHOT_PID and SNAPSHOT[] once psql has exited: keep our own copies.
snapshot_pid=$SNAPSHOT_PID
exec {to_psql}>&"${SNAPSHOT[1]}" {from_psql}<&"${SNAPSHOT[0]}"
exec {SNAPSHOT[1]}>&- {SNAPSHOT[0]}<&-
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"$to_psql"
read -r -t 30 snapshot <&"$from_psql"
case $snapshot in *-*) ;; *) echo "could not export a snapshot: $snapshot" >&2; exit 1 ;; esac

pg_dump --dbname="$DATABASE_URL" --format=custom --no-owner --no-privileges \
  --snapshot="$snapshot" --file="$out/database.dump"

echo "$stats_sql" >&"$to_psql"
read -r -t 600 stats <&"$from_psql"
echo "COMMIT;" >&"$to_psql"
exec {to_psql}>&- {from_psql}<&-
wait "$snapshot_pid" || true

archive_folder() {  # folder, archive: an empty archive if the folder does not exist
  if [ -d "$1" ]; then
    tar -C "$1" -czf "$2" .
  else
    tar -czf "$2" -T /dev/null
  fi
}
archive_folder "$MEDIA_ROOT" "$out/media.tar.gz"
archive_folder "$PACKAGE_ROOT" "$out/packages.tar.gz"

{
  echo "created: $stamp"
  echo "database: $(psql "$DATABASE_URL" -XAtc 'SELECT current_database()')"
  echo "server_version: $(psql "$DATABASE_URL" -XAtc 'SHOW server_version')"
  echo "pg_dump: $(pg_dump --version)"
  echo "stats: $stats"
} >"$out/MANIFEST"
(cd "$out" && sha256sum database.dump media.tar.gz packages.tar.gz MANIFEST >SHA256SUMS)
echo "$out"
