# Shared by bench/run.sh and bench/makemigrations.sh (sourced, not run): the release build,
# the timing loop and the PostgreSQL admin connection. Expects $root (the repository), $work
# (a scratch folder) and $RUNS.
# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154 # root, work and RUNS come from there, TIDEMARK goes there

PG=postgresql://tidemark:tidemark-pw@127.0.0.1:55432

# build_tidemark [EXTRA_TARGET...]: a release tidemark-cli (the same code as `tidemark --cli`,
# without the widget libraries) in build-bench, through ccache when it is installed. Sets
# $TIDEMARK to the binary. The window is configured too, but only the targets named are built
# (bench/window.sh asks for tidemark and tidemark-bench-window).
build_tidemark() {
    local launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$root/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DTIDEMARK_BUILD_TESTS=OFF -DTIDEMARK_BUILD_GUI=ON "${launcher[@]}" >&2
    cmake --build "$root/build-bench" -j2 --target tidemark-cli "$@" >&2
    TIDEMARK=$root/build-bench/app/tidemark-cli
}

# make_status_project DIR FILES APPLIED: the status benchmark's project in DIR: FILES generated
# migrations in DIR/jetbase/migrations (and in dbmate's format in DIR/dbmate), and a SQLite
# database DIR/jetbase/status.db in which the first APPLIED of them are applied.
make_status_project() {
    local dir=$1 files=$2 applied=$3 py
    py=$(command -v python3)
    mkdir -p "$dir/jetbase"
    "$py" "$root/bench/generate.py" "$files" "$dir/jetbase/migrations" "$dir/dbmate" >&2
    echo 'sqlalchemy_url = "sqlite:///status.db"' >"$dir/jetbase/env.py"
    (cd "$root/bench" && "$py" prepare_status_db.py "$dir/jetbase/status.db" "$applied")
}

# measure LABEL CMD...: runs CMD $RUNS times; records the median wall time (s) and the peak
# resident memory (MiB) of the slowest-memory run in $work/LABEL. $BEFORE_EACH, when set, is
# evaluated before each run (outside the timing).
measure() {
    local label=$1
    shift
    local times=() peak=0
    for _ in $(seq "$RUNS"); do
        [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
            echo "benchmark command failed: $*" >&2
            cat "$work/stderr" >&2
            exit 1
        }
        read -r wall rss <"$work/time"
        times+=("$wall")
        [ "$rss" -gt "$peak" ] && peak=$rss
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$median $((peak / 1024))" >"$work/$label"
}

# One statement on the test server's own database, as the test role (a superuser there).
pg_admin() { psql "$PG/tidemark_test" -qAt -c "$1" >/dev/null 2>&1; }

# Table cells from what measure recorded: "1.23 s, 45 MiB" and the ratio of two medians.
cell() { read -r t m <"$work/$1"; echo "$t s, $m MiB"; }
ratio() { awk -v a="$(cut -d' ' -f1 "$work/$1")" -v b="$(cut -d' ' -f1 "$work/$2")" \
    'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }
