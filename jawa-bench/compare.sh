#!/usr/bin/env bash
# compare.sh: the engine comparison in one command; it rewrites BENCHMARKS.md and the chart.
#
#   jawa-bench/compare.sh [--rounds N] [--scale quick|full] [--only K1,K2] [--engines E1,E2] ...
#
# It builds jawa-bench (target/benchmarks.jar, which holds Chicory too), builds the native
# kernels when clang is on the PATH and they are missing or stale, and runs
# dev.jawa.bench.compare.Compare (its options: --help). Needs a JDK 25; node is optional.
# Later options win: for a partial run (--only, --engines) pass --report and --svg elsewhere,
# e.g. --report /tmp/bench.md --svg /tmp/bench.svg, to leave the committed files alone.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
bench=$root/jawa-bench

jdk=${JAVA_HOME:-}
if [[ -z $jdk || ! -x $jdk/bin/java ]]; then
    for d in /usr/lib/jvm/*25*; do
        if [[ -x $d/bin/java ]]; then jdk=$d; break; fi
    done
fi
[[ -n $jdk && -x $jdk/bin/java ]] || { echo "compare: no JDK 25 found: set JAVA_HOME" >&2; exit 2; }

echo "compare: building jawa-bench ..." >&2
(cd "$root" && JAVA_HOME=$jdk ./mvnw -q -B -pl jawa-bench -am package -DskipTests) >&2

native=$bench/target/kernels-native
if command -v clang >/dev/null 2>&1; then
    stale=no
    for src in "$bench"/kernels/src/*.c; do
        bin=$native/$(basename "$src" .c)
        if [[ ! -x $bin || $src -nt $bin || $bench/kernels/src/kernel.h -nt $bin ]]; then stale=yes; fi
    done
    if [[ $stale == yes ]]; then
        echo "compare: building the native kernels ..." >&2
        "$bench/kernels/build.sh" native >/dev/null
    fi
else
    echo "compare: clang is not on the PATH: no native column" >&2
fi

exec "$jdk/bin/java" -cp "$bench/target/benchmarks.jar" dev.jawa.bench.compare.Compare \
    --kernels-dir "$bench/kernels" --native-dir "$native" \
    --report "$root/BENCHMARKS.md" --svg "$bench/results/compare.svg" \
    --command "jawa-bench/compare.sh${*:+ $*}" "$@"
