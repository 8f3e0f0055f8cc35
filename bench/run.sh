#!/usr/bin/env bash
# Benchmarks Tidemark against the floor (the same SQL through the same QtSql driver with no
# bookkeeping) and against dbmate (npm package), all measured in this one run, and prints one
# Markdown table. Usage: bash bench/run.sh   (installs and builds what it needs; ~5-10 minutes)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
RUNS=${RUNS:-3}
STATUS_FILES=${STATUS_FILES:-10000}
STATUS_APPLIED=${STATUS_APPLIED:-9000}
UPGRADE_FILES=${UPGRADE_FILES:-1000}

bash scripts/install-deps.sh --test >&2
bash scripts/test-servers.sh start >&2
eval "$(bash scripts/test-servers.sh env)"

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build_tidemark tidemark-bench-floor
FLOOR=$root/build-bench/bench/tidemark-bench-floor

if [ ! -x bench/.dbmate/node_modules/.bin/dbmate ]; then
    npm install --prefix bench/.dbmate --no-audit --no-fund dbmate@2.36.0 >&2
fi
DBMATE=$root/bench/.dbmate/node_modules/.bin/dbmate
PY=$(command -v python3)

work=$(mktemp -d /tmp/tidemark-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# (a) status: 10,000 files, 9,000 applied, SQLite. Tidemark twice: with its checksum cache
# warmed by one status before (what every status but the first of an unchanged project is), and
# with the cache off (the first status, or TIDEMARK_CHECKSUM_CACHE=off): every file read.
make_status_project "$work/status" "$STATUS_FILES" "$STATUS_APPLIED"
export XDG_CACHE_HOME=$work/cache # the checksum cache, not in the user's own
sleep 2.1                         # files written within two seconds are not remembered
"$TIDEMARK" --project "$work/status" status >/dev/null
measure status_tidemark "$TIDEMARK" --project "$work/status" status
TIDEMARK_CHECKSUM_CACHE=off measure status_tidemark_cold "$TIDEMARK" --project "$work/status" status
measure status_dbmate "$DBMATE" --url "sqlite:$work/status/jetbase/status.db" \
    --migrations-dir "$work/status/dbmate" --no-dump-schema status
"$TIDEMARK" --project "$work/status" --json status >"$work/status.json"
grep -q "\"latest_version\": \"$STATUS_APPLIED\"" "$work/status.json" || {
    echo "status did not see $STATUS_APPLIED applied migrations" >&2
    exit 1
}

# (b) upgrade: 1,000 files of a CREATE TABLE and an INSERT, on SQLite and PostgreSQL.
mkdir -p "$work/up/jetbase"
"$PY" bench/generate.py "$UPGRADE_FILES" "$work/up/jetbase/migrations" "$work/up/dbmate" >&2
sqlite_reset() { rm -f "$work"/up-*.db*; }
BEFORE_EACH=sqlite_reset measure up_sqlite_tidemark \
    "$TIDEMARK" --project "$work/up" --url "sqlite:///$work/up-tidemark.db" upgrade
BEFORE_EACH=sqlite_reset measure up_sqlite_floor \
    "$FLOOR" "sqlite:///$work/up-floor.db" "$work/up/jetbase/migrations"
BEFORE_EACH=sqlite_reset measure up_sqlite_dbmate \
    "$DBMATE" --url "sqlite:$work/up-dbmate.db" --migrations-dir "$work/up/dbmate" --no-dump-schema up

# The same on tmpfs, where fsync costs nothing: what is left is each tool's own work. (dbmate's
# bundled SQLite syncs the journal once per commit, Debian's libsqlite3 under QtSql twice, so on
# a disk the floor itself can be slower than dbmate.)
shm=$(mktemp -d /dev/shm/tidemark-bench.XXXXXX)
trap 'rm -rf "$work" "$shm"' EXIT
shm_reset() { rm -f "$shm"/up-*.db*; }
BEFORE_EACH=shm_reset measure up_shm_tidemark \
    "$TIDEMARK" --project "$work/up" --url "sqlite:///$shm/up-tidemark.db" upgrade
BEFORE_EACH=shm_reset measure up_shm_floor \
    "$FLOOR" "sqlite:///$shm/up-floor.db" "$work/up/jetbase/migrations"
BEFORE_EACH=shm_reset measure up_shm_dbmate \
    "$DBMATE" --url "sqlite:$shm/up-dbmate.db" --migrations-dir "$work/up/dbmate" --no-dump-schema up

# Each run gets the same: one freshly created database and a quiet server. (Creating and
# dropping databases leaves checkpoint work behind, and on this server a database created after
# others was measurably slower, so the three tools never share a reset.)
pg_fresh() {
    for db in bench_tm bench_floor bench_dbmate; do
        pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    done
    pg_admin "CREATE DATABASE $1"
    pg_admin "CHECKPOINT"
}
BEFORE_EACH="pg_fresh bench_tm" measure up_pg_tidemark \
    "$TIDEMARK" --project "$work/up" --url "$PG/bench_tm" upgrade
BEFORE_EACH="pg_fresh bench_floor" measure up_pg_floor \
    "$FLOOR" "$PG/bench_floor" "$work/up/jetbase/migrations"
BEFORE_EACH="pg_fresh bench_dbmate" measure up_pg_dbmate \
    "$DBMATE" --url "postgres://tidemark:tidemark-pw@127.0.0.1:55432/bench_dbmate?sslmode=disable" \
    --migrations-dir "$work/up/dbmate" --no-dump-schema up
for db in bench_tm bench_floor bench_dbmate; do pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done

echo
echo "Median of $RUNS runs; memory is peak RSS. $(nproc) cores, $(date -u +%Y-%m-%d)."
echo
echo "| benchmark | tidemark | floor | dbmate 2.36.0 | tidemark / floor | tidemark / dbmate |"
echo "|---|---|---|---|---|---|"
echo "| status, $STATUS_FILES files, $STATUS_APPLIED applied, SQLite | $(cell status_tidemark) | - | $(cell status_dbmate) | - | $(ratio status_tidemark status_dbmate) |"
echo "| status as above, checksum cache off (first run) | $(cell status_tidemark_cold) | - | $(cell status_dbmate) | - | $(ratio status_tidemark_cold status_dbmate) |"
echo "| upgrade $UPGRADE_FILES files, SQLite | $(cell up_sqlite_tidemark) | $(cell up_sqlite_floor) | $(cell up_sqlite_dbmate) | $(ratio up_sqlite_tidemark up_sqlite_floor) | $(ratio up_sqlite_tidemark up_sqlite_dbmate) |"
echo "| upgrade $UPGRADE_FILES files, SQLite on tmpfs (no fsync cost) | $(cell up_shm_tidemark) | $(cell up_shm_floor) | $(cell up_shm_dbmate) | $(ratio up_shm_tidemark up_shm_floor) | $(ratio up_shm_tidemark up_shm_dbmate) |"
echo "| upgrade $UPGRADE_FILES files, PostgreSQL 15 | $(cell up_pg_tidemark) | $(cell up_pg_floor) | $(cell up_pg_dbmate) | $(ratio up_pg_tidemark up_pg_floor) | $(ratio up_pg_tidemark up_pg_dbmate) |"
