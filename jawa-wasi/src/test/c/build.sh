#!/usr/bin/env bash
# Builds Jawa's WASI test programs: each *.c here becomes ../resources/wasi/NAME.wasm, with Debian's
# clang and wasi-libc (apt-get install clang lld wasi-libc). The .wasm files are committed, so the
# tests do not need clang; run this after changing a program. The name section is kept, for
# stack traces.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/../resources/wasi
mkdir -p "$out"
for c in "$here"/*.c; do
    name=$(basename "$c" .c)
    clang --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$out/$name.wasm" "$c"
    echo "built $out/$name.wasm"
done
