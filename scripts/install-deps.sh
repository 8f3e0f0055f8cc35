#!/usr/bin/env bash
# Installs the Debian 12 packages Tidemark needs to build and run.
#
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also the test servers (PostgreSQL 15, MariaDB), Xvfb and
#                                    the tools the packaging and screenshot checks use
#   scripts/install-deps.sh --bench  --test's, and what bench/makemigrations.sh compares with
#   scripts/install-deps.sh --screenshots  also what scripts/screenshots.sh needs (Xvfb,
#                                    Openbox, ImageMagick, optipng, fonts)
#
# Only packages that are not installed yet are installed, and `apt-get update` runs only when
# something is missing, so a second run takes about a second. Works as root, or through sudo
# for a normal user. Safe without a terminal (CI): nothing ever prompts.
set -euo pipefail

# Build and run: compiler and build tools, Qt 6 (Core, Sql, Widgets, Test, Linguist tools),
# the QtSql drivers for every supported database, and the libraries the window links.
# python3-sqlalchemy: env.py files that need evaluating and make-migrations' model exporter.
# libpq-dev, libsqlite3-dev: cancelling a running statement (PQcancel, sqlite3_interrupt) and
# one-message batches; libpq is only its header here (core/db/libpq.h finds it at run time).
# qt6-translations-l10n: Qt's own strings (dialog buttons) in the window's language.
# build-essential brings dpkg-dev, whose dpkg-shlibdeps `cpack -G DEB` uses.
# libsecret-1-0: QtKeychain loads it at run time to reach the Secret Service (GNOME Keyring,
# KWallet) where the passwords of connection profiles live.
BUILD_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql libqt6sql6-odbc
    libqt6opengl6-dev libgl1-mesa-dev
    libtomlplusplus-dev libqscintilla2-qt6-dev qtkeychain-qt6-dev libsecret-1-0 libdtl-dev
    libpq-dev libsqlite3-dev
    sqlite3 python3 python3-sqlalchemy
)

# Tests only: real servers for the db/ tests (started by scripts/test-servers.sh, not by
# systemd), an X server for window screenshots, the desktop-file / AppStream validators, and
# rsvg-convert for scripts/render-icons.sh. gnome-keyring and dbus: a real Secret Service in a
# D-Bus session of the test's own (tests/ui/with-keyring.sh); secret-tool reads it back.
# python3-dotenv: env.py files that load a .env file (tests/cli/tst_clienvpy.cpp).
# clang-14, libclang-rt-14-dev: libFuzzer, ASan and UBSan for scripts/fuzz.sh (ctest -L fuzz);
# llvm-14 brings llvm-symbolizer, so that a finding's stack trace names files and lines.
TEST_PACKAGES=(
    postgresql-15 postgresql-client-15 mariadb-server mariadb-client
    xvfb xauth imagemagick desktop-file-utils appstream librsvg2-bin time
    gnome-keyring dbus libsecret-tools
    python3-dotenv
    clang-14 libclang-rt-14-dev llvm-14
)

# Screenshots only (scripts/screenshots.sh): a virtual X screen for the real window, a window
# manager for the title bars (and xprop to see it is up), ImageMagick and optipng to shrink the
# PNGs, and the fonts the committed pictures were rendered with.
SCREENSHOT_PACKAGES=(xvfb xauth openbox x11-utils imagemagick optipng fonts-dejavu-core)

# Benchmarks only (bench/makemigrations.sh): Alembic's autogenerate, on SQLite and, through
# psycopg2, on PostgreSQL. (migra comes from npm, like run.sh's dbmate.)
BENCH_PACKAGES=(python3-alembic python3-psycopg2)

usage() {
    echo "usage: $0 [--test | --bench | --screenshots]" >&2
    exit 2
}

log() {
    echo "install-deps: $*" >&2
}

# Runs a command as root: directly when we are root, else through sudo (which must exist).
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -- "$@"
    else
        log "not root and sudo is not installed; run this script as root"
        exit 1
    fi
}

# True when the package is fully installed ("install ok installed"); a package that was
# removed but left its config files behind counts as missing.
is_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

# Fails with the list of packages that apt has no candidate for: better one clear message
# than apt-get's first "Unable to locate package" after a long download.
check_candidates() {
    local pkg candidate unknown=()
    for pkg in "$@"; do
        candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ { print $2 }')
        if [[ -z $candidate || $candidate == "(none)" ]]; then
            unknown+=("$pkg")
        fi
    done
    if ((${#unknown[@]})); then
        log "no installable version of: ${unknown[*]} (is this Debian 12 with its main repository?)"
        exit 1
    fi
}

main() {
    local with_tests=0 with_bench=0 with_screenshots=0
    while (($#)); do
        case $1 in
            --test) with_tests=1 ;;
            --bench) with_tests=1 with_bench=1 ;;
            --screenshots) with_screenshots=1 ;;
            -h | --help) usage ;;
            *) usage ;;
        esac
        shift
    done

    local wanted=("${BUILD_PACKAGES[@]}")
    if ((with_tests)); then
        wanted+=("${TEST_PACKAGES[@]}")
    fi
    if ((with_bench)); then
        wanted+=("${BENCH_PACKAGES[@]}")
    fi
    if ((with_screenshots)); then
        wanted+=("${SCREENSHOT_PACKAGES[@]}")
    fi

    local pkg missing=()
    for pkg in "${wanted[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        log "all ${#wanted[@]} packages already installed"
        return 0
    fi

    log "installing ${#missing[@]} missing package(s): ${missing[*]}"
    # env instead of export: sudo drops the caller's environment.
    # Lock::Timeout waits for another apt run (another script, unattended upgrades) instead
    # of failing at once on the dpkg lock.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)
    as_root "${apt[@]}" update
    check_candidates "${missing[@]}"
    # No recommends: they add hundreds of MB (documentation, fonts, servers' extras) that
    # neither the build nor the tests use, and make a fresh CI machine minutes slower.
    as_root "${apt[@]}" install --no-install-recommends "${missing[@]}"
    log "done"
}

main "$@"
