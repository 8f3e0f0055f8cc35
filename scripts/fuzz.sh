#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang-14, AddressSanitizer and UBSan, and
# runs each for SECONDS (default 60) on its seed corpus tests/fuzz/<target>/.
#
#   scripts/fuzz.sh                 every target for 60 s
#   scripts/fuzz.sh 20              every target for 20 s (what CI runs, through ctest -L fuzz)
#   scripts/fuzz.sh 300 databaseurl one target for 5 minutes
#
# Targets: sqlsplit migrationtext migrationname databaseurl envpy toml. The build folder is
# build-fuzz/ (FUZZ_BUILD_DIR overrides it); inputs the fuzzer finds interesting collect in
# build-fuzz/corpus/<target>/, crashing inputs in build-fuzz/artifacts/. After fixing a crash,
# copy its input into tests/fuzz/<target>/ so it is replayed on every run. Needs
# `scripts/install-deps.sh --test` (clang-14, libclang-rt-14-dev). Exits 1 when a target found
# a crash or a broken invariant. Works from any directory.
set -euo pipefail

TARGETS=(sqlsplit migrationtext migrationname databaseurl envpy toml)

log() {
    echo "fuzz.sh: $*" >&2
}

usage() {
    echo "usage: $0 [SECONDS] [TARGET...]   targets: ${TARGETS[*]}" >&2
    exit 2
}

main() {
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
    local seconds=60
    if (($#)) && [[ $1 =~ ^[0-9]+$ ]]; then
        seconds=$1
        shift
    fi
    local targets=("$@")
    ((${#targets[@]})) || targets=("${TARGETS[@]}")
    local t
    for t in "${targets[@]}"; do
        [[ " ${TARGETS[*]} " == *" $t "* ]] || usage
    done

    if ! command -v clang++-14 >/dev/null 2>&1 ||
        ! compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null; then
        log "clang-14 with libFuzzer is missing: run scripts/install-deps.sh --test" \
            "(packages clang-14 libclang-rt-14-dev)"
        exit 1
    fi

    local build=${FUZZ_BUILD_DIR:-build-fuzz}
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
    cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

    # halt_on_error: a UBSan report fails the run; leak checks stay on (libFuzzer's default).
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
    mkdir -p "$build/artifacts"
    local failed=()
    for t in "${targets[@]}"; do
        mkdir -p "$build/corpus/$t"
        log "$t: ${seconds}s"
        # The first folder collects new inputs; the seeds in tests/fuzz/ are only read.
        if ! "$build/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=8192 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
            "$build/corpus/$t" "tests/fuzz/$t" 2>"$build/$t.log"; then
            tail -n 60 "$build/$t.log" >&2
            failed+=("$t")
        else
            grep -E '^stat::number_of_executed_units|^Done' "$build/$t.log" >&2 || true
        fi
    done
    if ((${#failed[@]})); then
        log "FAILED: ${failed[*]} (inputs in $build/artifacts/, logs in $build/<target>.log)"
        exit 1
    fi
    log "all ${#targets[@]} targets ran ${seconds}s without a finding"
}

main "$@"
