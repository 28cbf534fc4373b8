#!/usr/bin/env bash
# micro.sh: the embedding microbenchmarks (JMH) in one command; it rewrites their tables in
# jawa-bench/results/microbenchmarks.md and in BENCHMARKS.md.
#
#   jawa-bench/micro.sh [JMH OPTIONS]
#
# Runs every benchmark in dev.jawa.bench.embed (calls from Java into WebAssembly, generic and
# typed; calls from WebAssembly into Java; memory access from Java), Jawa and Chicory side by side,
# with the settings in the classes (one fork, 3 warm-up and 5 measured iterations of 1 s: about
# 4 minutes). Jawa runs on every tier that exists (-p tier=interp,... is added unless given).
# Extra options go to JMH, e.g. -p tier=interp to choose Jawa's tiers. Needs JDK 25.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
bench=$root/jawa-bench

jdk=${JAVA_HOME:-}
if [[ -z $jdk || ! -x $jdk/bin/java ]]; then
    for d in /usr/lib/jvm/*25*; do
        if [[ -x $d/bin/java ]]; then jdk=$d; break; fi
    done
fi
[[ -n $jdk && -x $jdk/bin/java ]] || { echo "micro: no JDK 25 found: set JAVA_HOME" >&2; exit 2; }

echo "micro: building jawa-bench ..." >&2
(cd "$root" && JAVA_HOME=$jdk ./mvnw -q -B -pl jawa-bench -am package -DskipTests) >&2

jar=$bench/target/benchmarks.jar
csv=$bench/target/microbenchmarks.csv
args=("$@")
if [[ " $* " != *" tier="* && " $* " != *"-p tier"* ]]; then
    # Every Jawa tier that exists in this build (the interpreter, and jit and auto once they land).
    args=(-p "tier=$("$jdk/bin/java" -cp "$jar" dev.jawa.bench.JawaTiers)" "${args[@]}")
fi
command="java -jar jawa-bench/target/benchmarks.jar dev.jawa.bench.embed ${args[*]}"
"$jdk/bin/java" -jar "$jar" dev.jawa.bench.embed "${args[@]}" -rf csv -rff "$csv"
exec "$jdk/bin/java" -cp "$jar" dev.jawa.bench.embed.MicroReport "$csv" "$bench/results/microbenchmarks.md" \
    "$command" "$root/BENCHMARKS.md"
