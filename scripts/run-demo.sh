#!/usr/bin/env bash
# The run command (README): installs the build dependencies, builds Tidemark, and shows it
# on the demo project in examples/demo (a small bookshop on SQLite):
#
#   scripts/run-demo.sh                      status (when demo.db exists), upgrade, status; then the window if a
#                                            display is available
#   scripts/run-demo.sh ARGS...              build, then run build/app/tidemark ARGS instead
#                                            (e.g. --cli history); the demo is the project
#                                            unless ARGS say --project or TIDEMARK_PROJECT is set
#
# Works from any directory; relative paths in ARGS are taken from the repository root.
# The demo database is examples/demo/jetbase/demo.db (ignored by git); delete it to start over.
set -euo pipefail

# shellcheck source=scripts/build-lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/build-lib.sh"

DEMO_PROJECT=examples/demo
TIDEMARK=$BUILD_DIR/app/tidemark

log() {
    echo "run-demo: $*" >&2
}

# Prints the command, then runs it, so the demo output reads like a terminal session.
run() {
    echo "+ $*" >&2
    "$@"
}

main() {
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

    bash scripts/install-deps.sh
    configure_and_build tidemark tidemark-cli

    if (($#)); then
        # The repository root holds no jetbase/ of its own, so without this `--cli history`
        # would find no project; --project on the command line still wins over it.
        export TIDEMARK_PROJECT=${TIDEMARK_PROJECT:-$PWD/$DEMO_PROJECT}
        exec "$TIDEMARK" "$@"
    fi

    # Read-only commands never create a database: on the first run there is none to show yet.
    if [[ -f $DEMO_PROJECT/jetbase/demo.db ]]; then
        run "$TIDEMARK" --cli --project "$DEMO_PROJECT" status
    else
        log "$DEMO_PROJECT/jetbase/demo.db does not exist yet: upgrade creates it"
    fi
    run "$TIDEMARK" --cli --project "$DEMO_PROJECT" upgrade
    run "$TIDEMARK" --cli --project "$DEMO_PROJECT" status

    log "the programs: $BUILD_DIR/app/tidemark (window), $BUILD_DIR/app/tidemark --cli and" \
        "$BUILD_DIR/app/tidemark-cli (command line); put them on PATH with:" \
        "export PATH=$PWD/$BUILD_DIR/app:\$PATH"
    log "the demo database is $DEMO_PROJECT/jetbase/demo.db; delete it to start over"
    if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
        log "opening the window"
        exec "$TIDEMARK" --project "$DEMO_PROJECT"
    fi
    log "no display (\$DISPLAY / \$WAYLAND_DISPLAY unset): not opening the window"
}

main "$@"
