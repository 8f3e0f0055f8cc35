#!/usr/bin/env bash
# Renders the README's screenshots of the window into docs/screenshots/*.png:
#
#   bash scripts/screenshots.sh
#
# Installs what it needs (scripts/install-deps.sh --screenshots: Xvfb, Openbox, ImageMagick,
# optipng, fonts), builds tidemark and the driver (docs/screenshots/driver, -DTIDEMARK_BUILD_SCREENSHOTS=ON),
# copies examples/demo to a temporary folder, adds a slow migration and a desired schema to the
# copy, and runs the driver on a virtual X screen (the real xcb platform, not offscreen): it
# opens the real window, triggers its actions and captures the screen at each step. Exits
# non-zero, naming the screen, when one could not be reached. examples/demo is not touched.
set -euo pipefail

# shellcheck source=scripts/build-lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/build-lib.sh"

SCREEN=1400x900x24
OUTPUT_DIR=docs/screenshots
DRIVER=$BUILD_DIR/docs/screenshots/driver/tidemark-screenshots
TIDEMARK=$BUILD_DIR/app/tidemark

log() {
    echo "screenshots: $*" >&2
}

# The demo project as the screenshots show it: upgraded to 4.1 (so the list has applied and
# pending rows), with a migration slow enough for the run panel to be caught mid-run, and a
# jetbase/schema.sql (Generate Migration's default source) that differs from the database.
prepare_project() {
    local project=$1
    cp -r examples/demo "$project"
    rm -f "$project"/jetbase/*.db
    cat >"$project/jetbase/migrations/V6__build_sales_calendar.sql" <<'SQL'
-- upgrade
-- One row per day of the year with a simulated demand; the recursive CTE walks a few million
-- rows, so this takes a few seconds.
CREATE TABLE sales_calendar (
    day_of_year INTEGER PRIMARY KEY,
    expected_copies INTEGER NOT NULL
);
INSERT INTO sales_calendar (day_of_year, expected_copies)
WITH RECURSIVE tick(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM tick WHERE n < 4000000)
SELECT n % 365, SUM(n % 7) FROM tick GROUP BY n % 365;

-- rollback
DROP TABLE sales_calendar;
SQL
    # The desired schema of the README's example, plus a change to the books table that
    # loses data (stock dropped) and a new table.
    sed -e '/^    stock INTEGER NOT NULL DEFAULT 0$/d' \
        -e 's/^    price_cents INTEGER NOT NULL DEFAULT 0,$/    price_cents INTEGER NOT NULL DEFAULT 0/' \
        examples/demo/desired.sql >"$project/jetbase/schema.sql"
    cat >>"$project/jetbase/schema.sql" <<'SQL'
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    book_id INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT
);
CREATE INDEX ix_reviews_book_id ON reviews (book_id);
-- Kept: the slow V6 migration above creates it.
CREATE TABLE sales_calendar (
    day_of_year INTEGER PRIMARY KEY,
    expected_copies INTEGER NOT NULL
);
SQL
    "$TIDEMARK" --cli --project "$project" upgrade --to-version 4.1 --quiet
}

# Runs the command under Openbox, once Openbox has taken the screen (it then names itself on
# the root window).
with_window_manager() {
    openbox --sm-disable &
    local wm=$! status=0 _
    for _ in $(seq 100); do
        xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
        sleep 0.1
    done
    "$@" || status=$?
    kill "$wm"
    return "$status"
}

# Strips metadata and recompresses losslessly: the PNGs are committed.
shrink() {
    local png
    for png in "$@"; do
        mogrify -strip "$png"
        optipng -quiet -o2 "$png"
    done
}

main() {
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

    bash scripts/install-deps.sh --screenshots
    drop_foreign_cache
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
        -DTIDEMARK_BUILD_SCREENSHOTS=ON
    cmake --build "$BUILD_DIR" -j"$JOBS" --target tidemark tidemark-screenshots

    # Global, not local: the EXIT trap runs after main has returned.
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    prepare_project "$WORK/demo"

    mkdir -p "$OUTPUT_DIR"
    local names=(list-and-editor dry-run rehearsal run-in-progress review review-schema
        destructive-confirmation connection-profiles drift compare)
    local name
    for name in "${names[@]}"; do
        rm -f "$OUTPUT_DIR/$name.png"
    done
    log "driving the window on a virtual ${SCREEN} screen"
    # English, whatever the machine's language; xcb, so dialogs are real windows on the screen.
    # Openbox draws the title bars, so the dialogs' titles show.
    mkdir -m 700 "$WORK/runtime"
    XDG_RUNTIME_DIR=$WORK/runtime LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE='' QT_QPA_PLATFORM=xcb \
        QT_SCALE_FACTOR=1 \
        xvfb-run -a -s "-screen 0 $SCREEN -nolisten tcp" \
        bash -c "$(declare -f with_window_manager); with_window_manager \"\$@\"" _ \
        "$DRIVER" "$WORK/demo" "$OUTPUT_DIR"

    for name in "${names[@]}"; do
        if [[ ! -s $OUTPUT_DIR/$name.png ]]; then
            log "$OUTPUT_DIR/$name.png was not written"
            exit 1
        fi
        shrink "$OUTPUT_DIR/$name.png"
    done
    log "done: $(printf '%s.png ' "${names[@]}")in $OUTPUT_DIR"
}

main "$@"
