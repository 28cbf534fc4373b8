#!/usr/bin/env bash
# Builds SQLite's command-line shell (sqlite3, written by the SQLite developers) for wasm32-wasi,
# to show that a real, larger program runs on Jawa with jawa-wasi. Nothing of it is committed: the
# SQLite sources come from the npm registry (the "sqlite3" package ships SQLite's autoconf
# tarball: shell.c and the sqlite3.c amalgamation) and the result goes to
# jawa-wasi/target/real-programs/sqlite3.wasm, where SqliteShellTest finds it.
#
# Needs npm, clang and wasi-libc (apt-get install clang lld wasi-libc). Takes a few minutes:
# sqlite3.c is 9 MB of C.
#
#   jawa-wasi/real-programs/build-sqlite3.sh
#   echo "select sqlite_version();" | ./jawa run jawa-wasi/target/real-programs/sqlite3.wasm
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/../target/real-programs
work=$out/sqlite3-src
npm_version=6.0.1
mkdir -p "$work"

if [[ ! -f $work/shell.c ]]; then
    (cd "$work" && npm pack --silent "sqlite3@$npm_version" >/dev/null)
    tar xzf "$work/sqlite3-$npm_version.tgz" -C "$work" package/deps
    tarball=$(ls "$work"/package/deps/sqlite-autoconf-*.tar.gz)
    tar xzf "$tarball" -C "$work" --strip-components=1
fi

# WASI has no threads, dynamic loading, WAL's shared memory, mmap, popen or system(); wasi-libc
# emulates signals, process clocks, getpid and anonymous mmap in small libraries.
flags=(--target=wasm32-wasi -O2 -w
    -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_MMAN
    -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL -DSQLITE_MAX_MMAP_SIZE=0
    -DSQLITE_OMIT_POPEN -DSQLITE_NOHAVE_SYSTEM)
clang "${flags[@]}" -c "$work/sqlite3.c" -o "$work/sqlite3.o" &
clang "${flags[@]}" -c "$work/shell.c" -o "$work/shell.o"
wait
clang --target=wasm32-wasi -O2 -Wl,--strip-debug "$work/shell.o" "$work/sqlite3.o" "$here/sqlite3-shim.c" \
    -lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid -lwasi-emulated-mman \
    -o "$out/sqlite3.wasm"
echo "built $out/sqlite3.wasm (SQLite $(cat "$work/VERSION"))"
