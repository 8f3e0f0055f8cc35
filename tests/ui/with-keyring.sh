#!/bin/sh
# Runs a test inside a D-Bus session of its own with an unlocked GNOME Keyring, in a temporary
# HOME: a real Secret Service for QtKeychain, and the developer's own keyring is never touched.
#
#   tests/ui/with-keyring.sh PROGRAM [ARGS...]
#
# Without dbus-run-session or gnome-keyring-daemon (scripts/install-deps.sh --test installs
# them) the test is skipped (exit 77, CTest's SKIP_RETURN_CODE), or fails when
# TIDEMARK_REQUIRE_SERVERS=1 as in CI.
set -u

missing=
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    echo "with-keyring: not installed:$missing (scripts/install-deps.sh --test)" >&2
    [ "${TIDEMARK_REQUIRE_SERVERS:-}" = 1 ] && exit 1
    exit 77
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/tidemark-keyring.XXXXXX") || exit 1
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# A session of its own: never the desktop's bus, whatever the caller's environment says.
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
export TIDEMARK_TEST_KEYRING=1 # the test refuses to run elsewhere

# The keyring's password comes from stdin; --unlock creates the "login" keyring with it.
dbus-run-session -- sh -c '
    printf "%s" tidemark-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
        || { echo "with-keyring: gnome-keyring-daemon did not start" >&2; exit 1; }
    exec "$@"' with-keyring "$@"
