#!/usr/bin/env bash
# The test command (README, CI): installs what the tests need, starts the PostgreSQL and
# MariaDB test servers, builds, and runs every CTest test. Extra arguments go to ctest:
#
#   scripts/test.sh              everything
#   scripts/test.sh -L unit      only the tests labelled unit (also: db, cli, ui, packaging)
#   scripts/test.sh -R parser    only tests whose name matches
#
# Exits with ctest's exit code. Works from any directory. The test servers keep running
# afterwards, so the next run starts faster; stop them with scripts/test-servers.sh stop.
set -euo pipefail

# shellcheck source=scripts/build-lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/build-lib.sh"

log() {
    echo "test.sh: $*" >&2
}

main() {
    # The repository root, from this script's own path, so any working directory works.
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

    bash scripts/install-deps.sh --test
    bash scripts/test-servers.sh start
    local server_env
    server_env=$(bash scripts/test-servers.sh env)
    eval "$server_env"
    # A test that would skip for want of a server fails instead: CI must not go green on skips.
    export TIDEMARK_REQUIRE_SERVERS=1
    # No display on CI; the window tests render offscreen. Respect a caller's own choice.
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

    # The build has no warnings; a new one fails the build (and CI) instead of scrolling past.
    CMAKE_OPTIONS=(-DTIDEMARK_WARNINGS_AS_ERRORS=ON)
    configure_and_build all

    local rc=0
    ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error "$@" || rc=$?
    exit "$rc"
}

main "$@"
