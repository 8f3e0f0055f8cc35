#!/usr/bin/env bash
# The run command (README): installs the build dependencies, builds Tidemark, and shows it
# on the demo project in examples/demo (a small bookshop on SQLite):
#
#   scripts/run-demo.sh                      status, upgrade, status; then the window if a
#                                            display is available
#   scripts/run-demo.sh ARGS...              build, then run build/app/tidemark ARGS instead
#                                            (e.g. --cli history); the demo is the project
#                                            unless ARGS say --project or TIDEMARK_PROJECT is set
#
# Works from any directory; relative paths in ARGS are taken from the repository root.
# The demo database is examples/demo/jetbase/demo.db (ignored by git); delete it to start over.
set -euo pipefail

BUILD_DIR=build # the same folder scripts/test.sh builds in
BUILD_TYPE=RelWithDebInfo
JOBS=2
DEMO_PROJECT=examples/demo
TIDEMARK=$BUILD_DIR/app/tidemark

log() {
    echo "run-demo: $*" >&2
}

# See scripts/test.sh: a cache from another generator makes cmake refuse -G Ninja.
drop_foreign_cache() {
    local cache=$BUILD_DIR/CMakeCache.txt
    if [[ -f $cache ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
        log "$BUILD_DIR was configured with another generator; reconfiguring it for Ninja"
        rm -rf "$cache" "$BUILD_DIR/CMakeFiles"
    fi
}

configure_and_build() {
    drop_foreign_cache
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
    # Only the application: the demo does not need the test executables.
    cmake --build "$BUILD_DIR" -j"$JOBS" --target tidemark
}

# Prints the command, then runs it, so the demo output reads like a terminal session.
run() {
    echo "+ $*" >&2
    "$@"
}

main() {
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

    bash scripts/install-deps.sh
    configure_and_build

    if (($#)); then
        # The repository root holds no jetbase/ of its own, so without this `--cli history`
        # would find no project; --project on the command line still wins over it.
        export TIDEMARK_PROJECT=${TIDEMARK_PROJECT:-$PWD/$DEMO_PROJECT}
        exec "$TIDEMARK" "$@"
    fi

    run "$TIDEMARK" --cli --project "$DEMO_PROJECT" status
    run "$TIDEMARK" --cli --project "$DEMO_PROJECT" upgrade
    run "$TIDEMARK" --cli --project "$DEMO_PROJECT" status

    if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
        log "opening the window"
        exec "$TIDEMARK" --project "$DEMO_PROJECT"
    fi
    log "no display (\$DISPLAY / \$WAYLAND_DISPLAY unset): not opening the window"
}

main "$@"
