# Shared by scripts/test.sh and scripts/run-demo.sh (sourced, not run): one build folder,
# configured for Ninja, built on the machines' 2 cores.
# shellcheck shell=bash

BUILD_DIR=build
BUILD_TYPE=RelWithDebInfo
JOBS=2 # the machines (developers' and CI's) have 2 cores
CMAKE_OPTIONS=() # extra -D options for the configure step (test.sh: warnings are errors)

# A build folder configured with another generator (a manual `cmake -B build` with
# Makefiles) makes cmake refuse -G Ninja; drop its cache so the configure below succeeds.
drop_foreign_cache() {
    local cache=$BUILD_DIR/CMakeCache.txt
    if [[ -f $cache ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
        log "$BUILD_DIR was configured with another generator; reconfiguring it for Ninja"
        rm -rf "$cache" "$BUILD_DIR/CMakeFiles"
    fi
}

# configure_and_build TARGET...: configures, then builds the targets ("all" for everything).
configure_and_build() {
    drop_foreign_cache
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${CMAKE_OPTIONS[@]}"
    cmake --build "$BUILD_DIR" -j"$JOBS" --target "$@"
}
