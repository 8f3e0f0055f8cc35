#!/usr/bin/env bash
# The window benchmark: opening a project of 10,000 migrations, 9,000 of them applied (SQLite),
# until the list holds every row and has been painted (and, reported beside it, until the
# pending files' check contexts for the editor's markers are in), beside `tidemark --cli status`
# on the same project, alternating in one run. Prints one Markdown table with the ratio and whether
# the targets are met: the list within 2x of the CLI's status time, under 200 MB.
#
# Usage: bash bench/window.sh   (installs and builds what it needs)
#   RUNS=5            runs of each (median time, largest peak memory)
#   PLATFORMS="xcb"   Qt platforms the window is measured on: xcb (on an Xvfb server this script
#                     starts) and offscreen (default: both)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
RUNS=${RUNS:-3}
STATUS_FILES=${STATUS_FILES:-10000}
STATUS_APPLIED=${STATUS_APPLIED:-9000}
PLATFORMS=${PLATFORMS:-xcb offscreen}
TARGET_RATIO=2
TARGET_BYTES=200000000

bash scripts/install-deps.sh --test >&2 # Xvfb and GNU time

# One X server for the whole run: the script starts again under xvfb-run.
if [ -z "${TIDEMARK_BENCH_XVFB:-}" ] && [[ " $PLATFORMS " == *" xcb "* ]]; then
    export TIDEMARK_BENCH_XVFB=1
    exec xvfb-run -a -s "-screen 0 1400x900x24" bash "$root/bench/window.sh" "$@"
fi

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build_tidemark tidemark tidemark-bench-window
GUI=$root/build-bench/app/tidemark
WINDOW=$root/build-bench/bench/tidemark-bench-window

work=$(mktemp -d /tmp/tidemark-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
make_status_project "$work/status" "$STATUS_FILES" "$STATUS_APPLIED"
project=$work/status

# run_cli: one `tidemark --cli status`; appends "ms peak_KiB" to $work/cli.
run_cli() {
    local start end
    start=${EPOCHREALTIME/[.,]/} # microseconds, from bash's clock (no process started for it)
    /usr/bin/time -f '%M' -o "$work/time" "$GUI" --cli --project "$project" status \
        >/dev/null 2>"$work/stderr" || {
        echo "tidemark --cli status failed" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    end=${EPOCHREALTIME/[.,]/}
    echo "$(((end - start) / 1000)) $(cat "$work/time")" >>"$work/cli"
}

# run_window PLATFORM: one window; appends "painted_ms filled_ms peak_KiB process_peak_KiB
# markers_ms" to $work/window-PLATFORM (see bench/windowopen.cpp for what is measured).
run_window() {
    local out
    out=$(QT_QPA_PLATFORM=$1 /usr/bin/time -f '%M' -o "$work/time" \
        "$WINDOW" "$project" "$STATUS_FILES" "$EPOCHREALTIME" 2>"$work/stderr") || {
        echo "the window benchmark failed on $1" >&2
        cat "$work/stderr" >&2
        exit 1
    }
    read -r painted filled _ rows rss markers <<<"$out"
    [ "$rows" -eq "$STATUS_FILES" ] || {
        echo "the window listed $rows rows" >&2
        exit 1
    }
    echo "$painted $filled $rss $(cat "$work/time") $markers" >>"$work/window-$1"
}

# Warm the page cache and the build's first-run costs (fontconfig cache, etc.) once.
run_cli
for platform in $PLATFORMS; do run_window "$platform"; done
rm -f "$work"/cli "$work"/window-*
for _ in $(seq "$RUNS"); do
    run_cli
    for platform in $PLATFORMS; do run_window "$platform"; done
done

# median FILE COLUMN, largest FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
largest() { cut -d' ' -f"$2" "$1" | sort -n | tail -1; }
mib() { echo "$(($1 / 1024)) MiB"; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }

cli_ms=$(median "$work/cli" 1)
cli_kib=$(largest "$work/cli" 2)
echo
echo "$STATUS_FILES migrations, $STATUS_APPLIED applied, SQLite. Median of $RUNS runs; memory is the"
echo "largest peak RSS. $(nproc) cores, $(date -u +%Y-%m-%d)."
echo
echo "| measured | time | peak memory | / CLI status | within ${TARGET_RATIO}x | under 200 MB |"
echo "|---|---|---|---|---|---|"
echo "| \`tidemark --cli status\` (whole process) | $(seconds "$cli_ms") | $(mib "$cli_kib") | 1.00x | - | - |"
for platform in $PLATFORMS; do
    file=$work/window-$platform
    painted=$(median "$file" 1)
    filled=$(median "$file" 2)
    rss=$(largest "$file" 3)
    process_rss=$(largest "$file" 4)
    markers=$(median "$file" 5)
    ratio=$(awk -v a="$painted" -v b="$cli_ms" 'BEGIN { printf "%.2f", a / b }')
    ratio_ok=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r <= t) ? "yes" : "NO" }')
    memory_ok=$([ $((process_rss * 1024)) -lt "$TARGET_BYTES" ] && echo yes || echo NO)
    echo "| window ($platform): list filled $(seconds "$filled"), editor's check markers in $(seconds "$markers"), list painted | $(seconds "$painted") | $(mib "$rss") (whole process $(mib "$process_rss")) | ${ratio}x | $ratio_ok | $memory_ok |"
done
