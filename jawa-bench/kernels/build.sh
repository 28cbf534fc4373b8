#!/usr/bin/env bash
# build.sh: rebuilds the benchmark kernels from src/*.c with clang at -O2.
#
#   build.sh          both: wasm/NAME.wasm (committed) and the native binaries
#   build.sh wasm     only the wasm32-wasi modules, into wasm/
#   build.sh native   only the native binaries, into ../target/kernels-native/
#
# A developer tool: CI never needs clang, because the .wasm files are committed. On Debian,
#   apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32
# gives everything. CLANG names another clang (default: clang).
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
clang=${CLANG:-clang}
what=${1:-all}
flags=(-O2 -std=gnu11 -Wall -Wextra -Werror)

build_wasm() {
    mkdir -p "$here/wasm"
    for src in "$here"/src/*.c; do
        name=$(basename "$src" .c)
        "$clang" --target=wasm32-wasi "${flags[@]}" "$src" -Wl,--strip-debug -o "$here/wasm/$name.wasm"
        echo "wasm/$name.wasm"
    done
}

build_native() {
    out=$here/../target/kernels-native
    mkdir -p "$out"
    for src in "$here"/src/*.c; do
        name=$(basename "$src" .c)
        "$clang" "${flags[@]}" "$src" -o "$out/$name" -lm
        echo "target/kernels-native/$name"
    done
}

case $what in
    all) build_wasm; build_native ;;
    wasm) build_wasm ;;
    native) build_native ;;
    *) echo "usage: build.sh [all|wasm|native]" >&2; exit 2 ;;
esac
