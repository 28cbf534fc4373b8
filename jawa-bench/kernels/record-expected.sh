#!/usr/bin/env bash
# record-expected.sh: rewrites expected.txt, the checksum each kernel must print at each size in
# sizes.txt. Run it after changing a kernel or a size (and build.sh first). The checksum comes
# from the native binary; the committed wasm module must print the same under node, or nothing
# is written: the two builds of one C program must agree before either counts as the answer.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
native=$here/../target/kernels-native
out=$(mktemp)
trap 'rm -f "$out"' EXIT

checksum() { sed -n 's/^checksum \([0-9a-f]\{16\}\)$/\1/p' | tail -n 1; }

{
    echo "# The checksum each kernel prints at each size of sizes.txt (written by record-expected.sh)."
    echo "# kernel     size     checksum"
} > "$out"
grep -v '^#' "$here/sizes.txt" | while read -r name quick full; do
    [[ -z $name ]] && continue
    for size in $quick $full; do
        want=$("$native/$name" "$size" | checksum)
        got=$(node --no-warnings "$here/run-wasi.mjs" "$here/wasm/$name.wasm" "$size" 2>/dev/null | checksum)
        if [[ -z $want || $want != "$got" ]]; then
            echo "record-expected: $name $size: native says '$want', wasm under node says '$got'" >&2
            exit 1
        fi
        printf '%-12s %-8s %s\n' "$name" "$size" "$want" >> "$out"
        echo "$name $size $want" >&2
    done
done
cp "$out" "$here/expected.txt"
echo "wrote $here/expected.txt" >&2
