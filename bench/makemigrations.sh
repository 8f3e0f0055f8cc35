#!/usr/bin/env bash
# The make-migrations benchmark (issue #3): read the live schema, compare it with the desired
# one and write the migration, for 1,000 tables of 15 columns (an index and a foreign key each)
# of which 100 have one column widened, on SQLite and PostgreSQL 15. Beside it, in the same
# run, on the same databases: Alembic's `revision --autogenerate` with SQLAlchemy models of the
# desired schema, and on PostgreSQL migra between a database of each schema. Every answer is
# checked (100 changed columns, nothing else) before its time counts. Then the statements
# Tidemark sends are counted for two sizes of schema, to show the catalog reads do not grow.
#
# The objects variant (issue #12), PostgreSQL: the same tables plus 200 views, 200 triggers and
# 100 trigger functions, of which 20 views and 10 functions change; Tidemark must find exactly
# those and the 100 columns, migra the same; Tidemark's catalog statements are counted again.
#
# Usage: bash bench/makemigrations.sh   (installs and builds what it needs)
#   RUNS=3 TABLES=1000 CHANGED=100 COUNT_TABLES=100     the defaults
#   VARIANT=all | tables | objects   which parts to run (default all)
#   VIEWS=200 TRIGGERS=200 FUNCTIONS=100 CHANGED_VIEWS=20 CHANGED_FUNCTIONS=10   the variant
#   TIDEMARK=build/app/tidemark      measure that binary instead of building build-bench's
#   TIDEMARK_COMMAND=diff            measure diff (default: make-migrations when the binary
#                                    lists it, else diff: the same reading and comparing)
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
RUNS=${RUNS:-3}
TABLES=${TABLES:-1000}
CHANGED=${CHANGED:-100}
COUNT_TABLES=${COUNT_TABLES:-100}
VARIANT=${VARIANT:-all}
VIEWS=${VIEWS:-200}
TRIGGERS=${TRIGGERS:-200}
FUNCTIONS=${FUNCTIONS:-100}
CHANGED_VIEWS=${CHANGED_VIEWS:-20}
CHANGED_FUNCTIONS=${CHANGED_FUNCTIONS:-10}
MIGRA_VERSION=0.6.1
PY=/usr/bin/python3 # Debian's, which has python3-alembic, -sqlalchemy and -psycopg2
PG_LOG=${TIDEMARK_TEST_SERVERS_DIR:-/var/tmp/tidemark-test-servers}/pg/postgresql.log

bash scripts/install-deps.sh --bench >&2
bash scripts/test-servers.sh start >&2

work=$(mktemp -d /tmp/tidemark-bench-mm.XXXXXX)
# Tidemark's cache of normalised desired schemas (PostgreSQL): in the scratch folder, and off
# but for the one row that measures it (an unchanged schema file on the same server).
export XDG_CACHE_HOME=$work/cache TIDEMARK_SCHEMA_CACHE=off
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
PG_DBS=(bench_mm_before bench_mm_after bench_mm_count bench_mm_tpl_before bench_mm_tpl_after)
cleanup() {
    for db in "${PG_DBS[@]}"; do pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${TIDEMARK:-}" ]; then
    # shellcheck disable=SC2119 # no extra targets
    build_tidemark
fi
TIDEMARK=$(realpath "$TIDEMARK")
if [ ! -x bench/.migra/node_modules/.bin/migra ]; then
    npm install --prefix bench/.migra --no-audit --no-fund "@pgkit/migra@$MIGRA_VERSION" >&2
fi
MIGRA=$root/bench/.migra/node_modules/.bin/migra
cc -shared -fPIC -O2 -o "$work/sqlitecount.so" bench/sqlitecount.c -ldl
ALEMBIC_VERSION=$("$PY" -c 'import alembic; print(alembic.__version__)')

if [ -z "${TIDEMARK_COMMAND:-}" ]; then
    TIDEMARK_COMMAND="diff"
    if "$TIDEMARK" --cli --help | grep -qE '^ +make-migrations '; then
        TIDEMARK_COMMAND=make-migrations
    fi
fi

# The schemas: $work/sN/{sqlite,postgres}/{before,after}.sql and $work/sN/models.py.
objects=(--views "$VIEWS" --triggers "$TRIGGERS" --functions "$FUNCTIONS"
    --changed-views "$CHANGED_VIEWS" --changed-functions "$CHANGED_FUNCTIONS")
"$PY" bench/generate_schema.py "$work/s$TABLES" --tables "$TABLES" --changed "$CHANGED" "${objects[@]}"
count_changed=$((CHANGED < COUNT_TABLES ? CHANGED : COUNT_TABLES))
"$PY" bench/generate_schema.py "$work/s$COUNT_TABLES" --tables "$COUNT_TABLES" \
    --changed "$count_changed" "${objects[@]}"
schema=$work/s$TABLES

# Loading: SQLite in one transaction (not one fsync per statement); PostgreSQL one statement
# at a time (1,000 tables in one transaction can exhaust the server's shared lock table,
# max_locks_per_transaction), then VACUUM ANALYZE so every copy has the same statistics.
sqlite_load() { { echo 'BEGIN;'; cat "$2"; echo 'COMMIT;'; } | sqlite3 "$1"; }
pg_create_loaded() { # DB SQL_FILE
    pg_admin "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
    pg_admin "CREATE DATABASE $1"
    psql "$PG/$1" -X -q -v ON_ERROR_STOP=1 -f "$2" >&2
    psql "$PG/$1" -X -q -c 'VACUUM ANALYZE' >&2
}

# Tidemark: a project with an empty migrations folder (make-migrations writes its file there).
# Commands are arrays, not functions: /usr/bin/time runs programs.
mkdir -p "$work/tm/jetbase/migrations"
tm=("$TIDEMARK" --cli --project "$work/tm")
tm_reset() { rm -f "$work"/tm/jetbase/migrations/*; }

# Alembic: a throwaway project per database, env.py from bench/alembic, the generated models.
alembic_project() { # DIR URL
    mkdir -p "$1"
    (cd "$1" && "$PY" -m alembic init project >/dev/null)
    cp bench/alembic/env.py "$schema/models.py" "$1/project/"
    printf '[alembic]\nscript_location = %%(here)s/project\nsqlalchemy.url = %s\n' "$2" >"$1/alembic.ini"
}
autogenerate=(revision --autogenerate -m bench)
alembic_reset() { rm -f "$1"/project/versions/*.py; }

# The checks: exactly $CHANGED changed columns, nothing else, in each tool's own output.
check_tidemark() { # LABEL JSON_FILE [VIEWS FUNCTIONS]: the changes expected besides the columns
    "$PY" - "$1" "$2" "$CHANGED" "${3:-0}" "${4:-0}" <<'EOF'
import collections, json, sys
label, path, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
views, functions = int(sys.argv[4]), int(sys.argv[5])
def changes(node):  # the first "changes" list, wherever make-migrations puts it
    if isinstance(node, dict):
        if isinstance(node.get("changes"), list):
            return node["changes"]
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found = changes(child)
            if found is not None:
                return found
    return None
found = changes(json.load(open(path)))
kinds = collections.Counter(c.get("kind") for c in found or [])
wanted = {"change_column_type": expected, "change_view": views, "change_routine": functions}
if kinds != {k: v for k, v in wanted.items() if v}:
    sys.exit(f"{label}: expected {wanted}, got {dict(kinds)}")
EOF
    if [ "$TIDEMARK_COMMAND" = make-migrations ]; then
        local written
        written=$(find "$work/tm/jetbase/migrations" -name '*.sql' | wc -l)
        [ "$written" -eq 1 ] || { echo "$1: expected 1 migration file, found $written" >&2; exit 1; }
    fi
}
check_alembic() { # LABEL PROJECT_DIR
    local file ops altered
    file=$(ls "$2"/project/versions/*.py)
    ops=$(awk '/^def upgrade/,/^def downgrade/' "$file" | grep -c 'op\.' || true)
    altered=$(awk '/^def upgrade/,/^def downgrade/' "$file" | grep -c "op\.alter_column(.*'c01'" || true)
    if [ "$ops" -ne "$CHANGED" ] || [ "$altered" -ne "$CHANGED" ]; then
        echo "$1: expected $CHANGED alter_column ops on c01, got $altered of $ops ops ($file)" >&2
        exit 1
    fi
}
check_migra() { # OUTPUT_FILE
    local statements altered
    statements=$(grep -c . "$1" || true)
    altered=$(grep -c 'alter column "c01" set data type character varying(100)' "$1" || true)
    if [ "$statements" -ne "$CHANGED" ] || [ "$altered" -ne "$CHANGED" ]; then
        echo "migra: expected $CHANGED column type changes, got $altered of $statements lines" >&2
        exit 1
    fi
}

# PostgreSQL runs start on freshly created databases (copies of templates loaded once) after a
# CHECKPOINT, as in run.sh.
pg_fresh() { # before [after]
    for db in bench_mm_before bench_mm_after; do pg_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
    for which in "$@"; do pg_admin "CREATE DATABASE bench_mm_$which TEMPLATE bench_mm_tpl_$which"; done
    pg_admin "CHECKPOINT"
}

if [ "$VARIANT" != objects ]; then
# (a) SQLite: each run on a fresh copy of the "before" database.
sqlite_load "$work/sqlite-before.db" "$schema/sqlite/before.sql"
SQLITE_URL=sqlite:///$work/sqlite.db
sqlite_fresh() { cp "$work/sqlite-before.db" "$work/sqlite.db"; }
tm_sqlite=("${tm[@]}" --url "$SQLITE_URL")
desired=(--schema "$schema/sqlite/after.sql")

sqlite_fresh && tm_reset
"${tm_sqlite[@]}" --json "$TIDEMARK_COMMAND" "${desired[@]}" >"$work/tm-sqlite.json"
check_tidemark "tidemark on SQLite" "$work/tm-sqlite.json"
BEFORE_EACH="sqlite_fresh; tm_reset" measure sqlite_tidemark \
    "${tm_sqlite[@]}" "$TIDEMARK_COMMAND" "${desired[@]}"

alembic_project "$work/al-sqlite" "$SQLITE_URL"
BEFORE_EACH="sqlite_fresh; alembic_reset $work/al-sqlite" measure sqlite_alembic \
    "$PY" -m alembic -c "$work/al-sqlite/alembic.ini" "${autogenerate[@]}"
check_alembic "alembic on SQLite" "$work/al-sqlite"

# (b) PostgreSQL.
pg_create_loaded bench_mm_tpl_before "$schema/postgres/before.sql"
pg_create_loaded bench_mm_tpl_after "$schema/postgres/after.sql"

tm_pg=("${tm[@]}" --url "$PG/bench_mm_before")
desired=(--schema "$schema/postgres/after.sql")

pg_fresh before && tm_reset
"${tm_pg[@]}" --json "$TIDEMARK_COMMAND" "${desired[@]}" >"$work/tm-pg.json"
check_tidemark "tidemark on PostgreSQL" "$work/tm-pg.json"
# Tidemark must also have dropped its scratch schema (its DROP SCHEMA ... CASCADE needs a lock
# per relation). Reported beside the table rather than fatal: the answer itself was right.
leftover=$(psql "$PG/bench_mm_before" -X -qAt -c "SELECT count(*) FROM pg_class c JOIN
    pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'tidemark\_scratch\_%'")
BEFORE_EACH="pg_fresh before; tm_reset" measure pg_tidemark \
    "${tm_pg[@]}" "$TIDEMARK_COMMAND" "${desired[@]}"
pg_fresh before && tm_reset
TIDEMARK_SCHEMA_CACHE=on "${tm_pg[@]}" --json "$TIDEMARK_COMMAND" "${desired[@]}" >/dev/null
TIDEMARK_SCHEMA_CACHE=on BEFORE_EACH="pg_fresh before; tm_reset" measure pg_tidemark_cached \
    "${tm_pg[@]}" "$TIDEMARK_COMMAND" "${desired[@]}"
pg_fresh before && tm_reset
TIDEMARK_SCHEMA_CACHE=on "${tm_pg[@]}" --json "$TIDEMARK_COMMAND" "${desired[@]}" >"$work/tm-pg.json"
check_tidemark "tidemark on PostgreSQL, from the cache" "$work/tm-pg.json"
grep -q 'from the cache' "$work/tm-pg.json" || { echo "the schema cache was not used" >&2; exit 1; }

alembic_project "$work/al-pg" "$PG/bench_mm_before"
BEFORE_EACH="pg_fresh before; alembic_reset $work/al-pg" measure pg_alembic \
    "$PY" -m alembic -c "$work/al-pg/alembic.ini" "${autogenerate[@]}"
check_alembic "alembic on PostgreSQL" "$work/al-pg"

pg_fresh before after
"$MIGRA" run "$PG/bench_mm_before" "$PG/bench_mm_after" --unsafe >"$work/migra.sql"
check_migra "$work/migra.sql"
BEFORE_EACH="pg_fresh before after" measure pg_migra \
    "$MIGRA" run "$PG/bench_mm_before" "$PG/bench_mm_after" --unsafe

fi # (a) and (b)

# (c) What Tidemark sends, at $COUNT_TABLES and at $TABLES tables. SQLite: sqlitecount.c counts
# the statements prepared on the live (file) database and on the in-memory scratch one.
# PostgreSQL: log_statement = 'all' on the counted database only, and the server log read back.
# Each writes its numbers to $work/count-DIALECT-N.
sqlite_count() { # N
    local db=$work/count.db
    rm -f "$db"
    sqlite_load "$db" "$work/s$1/sqlite/before.sql"
    tm_reset
    SQLITE_COUNT_OUT=$work/count.txt LD_PRELOAD=$work/sqlitecount.so "${tm[@]}" \
        --url "sqlite:///$db" "$TIDEMARK_COMMAND" --schema "$work/s$1/sqlite/after.sql" >/dev/null
    awk '$1 == "file" { f = $2 } $1 == "memory" { m = $2 } END { print f, m }' \
        "$work/count.txt" >"$work/count-sqlite-$1"
}
log_bytes() { if [ -r "$PG_LOG" ]; then stat -c %s "$PG_LOG"; else sudo stat -c %s "$PG_LOG"; fi; }
log_tail() { if [ -r "$PG_LOG" ]; then tail -c "+$(($1 + 1))" "$PG_LOG"; else sudo tail -c "+$(($1 + 1))" "$PG_LOG"; fi; }
# PostgreSQL: catalog reads, all statements but the schema file's, the schema file's.
pg_count() { # N [objects-]
    pg_create_loaded bench_mm_count "$work/s$1/postgres/${2:-}before.sql"
    pg_admin "ALTER DATABASE bench_mm_count SET log_statement = 'all'"
    tm_reset
    local start
    start=$(log_bytes)
    "${tm[@]}" --url "$PG/bench_mm_count" "$TIDEMARK_COMMAND" \
        --schema "$work/s$1/postgres/${2:-}after.sql" >/dev/null
    sleep 1 # the backends' last lines
    log_tail "$start" | awk '
        !match($0, / LOG:  (statement|execute [^:]*): /) { next }
        { sql = substr($0, RSTART + RLENGTH) }
        sql ~ /^CREATE (TABLE|INDEX|VIEW|FUNCTION|TRIGGER) / { file++; next } # the schema file
        sql ~ /^(SET |SELECT version\(\)|SELECT .\\\\. x)/ { setup++; next } # QtSql session setup
        sql ~ /^(CREATE|DROP) SCHEMA /             { setup++; next }  # the scratch schema
        sql ~ /^SELECT c\.relname FROM pg_class/    { setup++; next }  # its tables, to drop
        sql ~ /^DROP TABLE IF EXISTS /             { drop++; next }   # 100 tables each
        { catalog++ }
        END { print catalog + 0, catalog + setup, file + 0, drop + 0 }' >"$work/count-pg-${2:-}$1"
    pg_admin "DROP DATABASE IF EXISTS bench_mm_count WITH (FORCE)"
}
if [ "$VARIANT" != objects ]; then
for n in "$COUNT_TABLES" "$TABLES"; do
    sqlite_count "$n"
    pg_count "$n"
done
read -r sq_small_live sq_small_mem <"$work/count-sqlite-$COUNT_TABLES"
read -r sq_big_live sq_big_mem <"$work/count-sqlite-$TABLES"
read -r pg_small_cat pg_small_other pg_small_file pg_small_drop <"$work/count-pg-$COUNT_TABLES"
read -r pg_big_cat pg_big_other pg_big_file pg_big_drop <"$work/count-pg-$TABLES"

same() { [ "$1" = "$2" ] && echo "same" || echo "**grows**"; }
at_least() { awk -v r="$1" -v min="$2" 'BEGIN { print (r + 0 >= min) ? "met" : "**not met**" }'; }
above() { awk -v r="$1" -v min="$2" 'BEGIN { print (r + 0 > min) ? "met" : "**not met**" }'; }
al_sqlite=$(ratio sqlite_alembic sqlite_tidemark)
al_pg=$(ratio pg_alembic pg_tidemark)
mi_pg=$(ratio pg_migra pg_tidemark)

echo
echo "Tidemark measured: \`$TIDEMARK_COMMAND\`. Median of $RUNS runs; memory is peak RSS." \
    "$(nproc) cores, $(date -u +%Y-%m-%d)."
echo
echo "| $TABLES tables, $CHANGED changed | tidemark $TIDEMARK_COMMAND | Alembic $ALEMBIC_VERSION autogenerate | migra $MIGRA_VERSION | Alembic / tidemark | migra / tidemark |"
echo "|---|---|---|---|---|---|"
echo "| SQLite | $(cell sqlite_tidemark) | $(cell sqlite_alembic) | - | $al_sqlite | - |"
echo "| PostgreSQL 15 | $(cell pg_tidemark) | $(cell pg_alembic) | $(cell pg_migra) | $al_pg | $mi_pg |"
echo "| PostgreSQL 15, unchanged schema file again (desired schema from the cache) | $(cell pg_tidemark_cached) | $(cell pg_alembic) | $(cell pg_migra) | $(ratio pg_alembic pg_tidemark_cached) | $(ratio pg_migra pg_tidemark_cached) |"
echo
echo "Targets: 10x Alembic on SQLite $(at_least "$al_sqlite" 10), on PostgreSQL" \
    "$(at_least "$al_pg" 10); faster than migra $(above "$mi_pg" 1)."
if [ "$leftover" -ne 0 ]; then
    echo
    echo "**Warning:** on PostgreSQL Tidemark left its scratch schema behind ($leftover relations):" \
        "its DROP SCHEMA failed, so its time above lacks that drop."
fi
echo
echo "| statements Tidemark sends | $COUNT_TABLES tables | $TABLES tables | |"
echo "|---|---|---|---|"
echo "| SQLite, to the live database (catalog reads) | $sq_small_live | $sq_big_live | $(same "$sq_small_live" "$sq_big_live") |"
echo "| SQLite, to the in-memory scratch database (the schema file, then its catalog reads) | $sq_small_mem | $sq_big_mem | 2 per table |"
echo "| PostgreSQL, catalog reads (live schema and scratch schema) | $pg_small_cat | $pg_big_cat | $(same "$pg_small_cat" "$pg_big_cat") |"
echo "| PostgreSQL, all but the schema file (with session setup, scratch schema create/drop) | $pg_small_other | $pg_big_other | $(same "$pg_small_other" "$pg_big_other") |"
echo "| PostgreSQL, dropping the scratch schema's tables (100 per statement) | $pg_small_drop | $pg_big_drop | 1 per 100 tables |"
echo "| PostgreSQL, the schema file's statements (into the scratch schema, up to 100 to a message) | $pg_small_file | $pg_big_file | 1 per 50 tables |"
fi # (c) and the tables' report

# (d) The objects variant, PostgreSQL: Tidemark and migra on the tables plus views, triggers and
# functions; then Tidemark's statements counted at both sizes again.
if [ "$VARIANT" != tables ]; then
    pg_create_loaded bench_mm_tpl_before "$schema/postgres/objects-before.sql"
    pg_create_loaded bench_mm_tpl_after "$schema/postgres/objects-after.sql"
    tm_pg=("${tm[@]}" --url "$PG/bench_mm_before")
    desired=(--schema "$schema/postgres/objects-after.sql")
    pg_fresh before && tm_reset
    "${tm_pg[@]}" --json "$TIDEMARK_COMMAND" "${desired[@]}" >"$work/tm-pg-objects.json"
    check_tidemark "tidemark on PostgreSQL with objects" "$work/tm-pg-objects.json" \
        "$CHANGED_VIEWS" "$CHANGED_FUNCTIONS"
    BEFORE_EACH="pg_fresh before; tm_reset" measure pg_tidemark_objects \
        "${tm_pg[@]}" "$TIDEMARK_COMMAND" "${desired[@]}"

    pg_fresh before after
    "$MIGRA" run "$PG/bench_mm_before" "$PG/bench_mm_after" --unsafe >"$work/migra-objects.sql"
    # migra's answer: the same column changes, and every changed view and function named.
    altered=$(grep -c 'alter column "c01" set data type character varying(100)' \
        "$work/migra-objects.sql" || true)
    [ "$altered" -eq "$CHANGED" ] || { echo "migra with objects: $altered column changes" >&2; exit 1; }
    for ((v = 0; v < CHANGED_VIEWS; v++)); do
        grep -q "\"v$(printf %03d "$v")\"" "$work/migra-objects.sql" ||
            { echo "migra with objects: view v$(printf %03d "$v") missing" >&2; exit 1; }
    done
    for ((f = 0; f < CHANGED_FUNCTIONS; f++)); do
        grep -q "f$(printf %03d "$f")()" "$work/migra-objects.sql" ||
            { echo "migra with objects: function f$(printf %03d "$f") missing" >&2; exit 1; }
    done
    BEFORE_EACH="pg_fresh before after" measure pg_migra_objects \
        "$MIGRA" run "$PG/bench_mm_before" "$PG/bench_mm_after" --unsafe

    for n in "$COUNT_TABLES" "$TABLES"; do pg_count "$n" objects-; done
    read -r po_small_cat po_small_other po_small_file po_small_drop <"$work/count-pg-objects-$COUNT_TABLES"
    read -r po_big_cat po_big_other po_big_file po_big_drop <"$work/count-pg-objects-$TABLES"
    same() { [ "$1" = "$2" ] && echo "same" || echo "**grows**"; }
    echo
    echo "Objects variant: $VIEWS views ($CHANGED_VIEWS changed), $TRIGGERS triggers, $FUNCTIONS" \
        "functions ($CHANGED_FUNCTIONS changed) beside the $TABLES tables. Median of $RUNS runs."
    echo
    echo "| PostgreSQL 15 | tidemark $TIDEMARK_COMMAND | migra $MIGRA_VERSION | migra / tidemark |"
    echo "|---|---|---|---|"
    echo "| $TABLES tables + objects | $(cell pg_tidemark_objects) | $(cell pg_migra_objects) | $(ratio pg_migra_objects pg_tidemark_objects) |"
    echo
    echo "| statements Tidemark sends, with objects | $COUNT_TABLES tables | $TABLES tables | |"
    echo "|---|---|---|---|"
    echo "| catalog reads (live schema and scratch schema) | $po_small_cat | $po_big_cat | $(same "$po_small_cat" "$po_big_cat") |"
    echo "| all but the schema file | $po_small_other | $po_big_other | $(same "$po_small_other" "$po_big_other") |"
fi
