#!/usr/bin/env bash
# The preflight benchmark (issue #11), in one run on one machine:
#   - `check` on 1,000 pending PostgreSQL migration files, beside squawk (the PostgreSQL
#     migration linter, from npm) on the same files;
#   - `rehearse` and `drift` on a 500-table project (50 files of 10 tables, 45 applied, 5
#     pending) on SQLite and PostgreSQL 15, beside the plain `upgrade` of the same 5 pending
#     files, so the time a rehearsal adds to an upgrade shows.
# Atlas's lint and `migrate test` are not measured: Atlas is not installable here (no Debian or
# npm package) and publishes no timings for them that we found.
#
# Usage: bash bench/preflight.sh   (installs and builds what it needs)
#   RUNS=3 FILES=1000 PROJECT_FILES=50 PER_FILE=10 PENDING=5   the defaults
#   TIDEMARK=build/app/tidemark-cli   measure that binary instead of building build-bench's
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
RUNS=${RUNS:-3}
FILES=${FILES:-1000}
PROJECT_FILES=${PROJECT_FILES:-50}
PER_FILE=${PER_FILE:-10}
PENDING=${PENDING:-5}
SQUAWK_VERSION=2.66.0
PY=/usr/bin/python3

bash scripts/install-deps.sh --bench >&2
bash scripts/test-servers.sh start >&2

work=$(mktemp -d /tmp/tidemark-bench-pf.XXXXXX)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cleanup() {
    pg_admin "DROP DATABASE IF EXISTS bench_pf WITH (FORCE)"
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${TIDEMARK:-}" ]; then
    # shellcheck disable=SC2119 # no extra targets
    build_tidemark
fi
TIDEMARK=$(realpath "$TIDEMARK")
if [ ! -x bench/.squawk/node_modules/.bin/squawk ]; then
    npm install --prefix bench/.squawk --no-audit --no-fund "squawk-cli@$SQUAWK_VERSION" >&2
fi
SQUAWK=$root/bench/.squawk/node_modules/.bin/squawk

# 1. Linting 1,000 files, as the pending files of a project (check reads the project's
# configuration) named on the command line, so no database is needed. Both tools exit 1 when
# they find something (they do): that counts as done, once their answers were checked.
"$PY" bench/generate_preflight.py lint "$work/lint/jetbase/migrations" "$FILES"
mapfile -t lint_files < <(find "$work/lint/jetbase/migrations" -name '*.sql' | sort -V)
check=("$TIDEMARK" --project "$work/lint" --url postgresql://bench@127.0.0.1:1/none check)
check_found=$("${check[@]}" --json "${lint_files[@]}" 2>/dev/null |
    "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))' || true)
squawk_found=$("$SQUAWK" --reporter json "${lint_files[@]}" 2>/dev/null |
    "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))' || true)
if [ -z "$check_found" ] || [ "$check_found" -eq 0 ] || [ -z "$squawk_found" ]; then
    echo "a linter gave no findings (check: '$check_found', squawk: '$squawk_found')" >&2
    exit 1
fi
ran_or_found() { "$@" >/dev/null 2>&1 || [ $? -eq 1 ]; }
export -f ran_or_found
measure check bash -c 'ran_or_found "$@"' _ "${check[@]}" "${lint_files[@]}"
measure squawk bash -c 'ran_or_found "$@"' _ "$SQUAWK" "${lint_files[@]}"

# 2. rehearse and drift on a 500-table project, SQLite and PostgreSQL.
applied=$((PROJECT_FILES - PENDING))
"$PY" bench/generate_preflight.py project "$work/project/jetbase/migrations" "$PROJECT_FILES" "$PER_FILE"
tm=("$TIDEMARK" --project "$work/project")

echo 'sqlalchemy_url = "sqlite:///bench.db"' >"$work/project/jetbase/env.py"
"${tm[@]}" upgrade --to-version "$applied" >/dev/null 2>&1
cp "$work/project/jetbase/bench.db" "$work/template.db"
BEFORE_EACH='cp "$work/template.db" "$work/project/jetbase/bench.db"' \
    measure sqlite_upgrade "${tm[@]}" upgrade
cp "$work/template.db" "$work/project/jetbase/bench.db" # the upgrade runs left it at 50
measure sqlite_rehearse "${tm[@]}" rehearse
measure sqlite_drift "${tm[@]}" drift

pg_admin "DROP DATABASE IF EXISTS bench_pf WITH (FORCE)"
pg_admin "CREATE DATABASE bench_pf"
echo "sqlalchemy_url = \"$PG/bench_pf\"" >"$work/project/jetbase/env.py"
"${tm[@]}" upgrade --to-version "$applied" >/dev/null 2>&1
BEFORE_EACH='"${tm[@]}" rollback --to-version "$applied" >/dev/null 2>&1' \
    measure pg_upgrade "${tm[@]}" upgrade
"${tm[@]}" rollback --to-version "$applied" >/dev/null 2>&1
measure pg_rehearse "${tm[@]}" rehearse
measure pg_drift "${tm[@]}" drift

tables=$((PROJECT_FILES * PER_FILE))
cat <<TABLE
Median of $RUNS runs; time and peak memory.

| lint $FILES files (PostgreSQL rules) | time, memory | findings |
|---|---|---|
| tidemark check | $(cell check) | $check_found |
| squawk $SQUAWK_VERSION | $(cell squawk) | $squawk_found |

| $tables tables, $applied files applied, $PENDING pending | SQLite | PostgreSQL 15 |
|---|---|---|
| upgrade (the $PENDING pending files) | $(cell sqlite_upgrade) | $(cell pg_upgrade) |
| rehearse (copy or replay, then upgrade, rollback, upgrade each) | $(cell sqlite_rehearse) | $(cell pg_rehearse) |
| rehearse / upgrade | $(ratio sqlite_rehearse sqlite_upgrade) | $(ratio pg_rehearse pg_upgrade) |
| drift (replay $applied files, compare) | $(cell sqlite_drift) | $(cell pg_drift) |
TABLE
