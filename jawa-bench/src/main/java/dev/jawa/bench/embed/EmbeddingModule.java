package dev.jawa.bench.embed;

import dev.jawa.binary.BinaryEncoder;
import dev.jawa.text.TextParser;

/**
 * The module every embedding microbenchmark instantiates, in Jawa and in Chicory alike (the same
 * bytes): a tiny {@code add} for calls from Java, loops that call an imported host function or a
 * WebAssembly function {@code n} times, and an exported one-page memory.
 */
public final class EmbeddingModule {

    /** How many calls one invocation of {@code callHost} or {@code callWasm} makes. */
    public static final int LOOP_CALLS = 1000;

    /** Where the memory benchmarks' bulk copies start; leaves room for the largest copy. */
    public static final int BULK_ADDRESS = 1024;

    private static final String WAT = """
            (module
              (import "env" "inc" (func $inc (param i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "add") (param i32 i32) (result i32)
                (i32.add (local.get 0) (local.get 1)))
              ;; The same as the host's inc, for the loop's own cost.
              (func $wasmInc (param i32) (result i32)
                (i32.add (local.get 0) (i32.const 1)))
              ;; Calls the host's inc n times: acc = inc(acc) * 3, a recurrence that an optimizing
              ;; compiler cannot fold into a closed form, so every iteration runs.
              (func (export "callHost") (param $n i32) (result i32) (local $acc i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $acc (i32.mul (call $inc (local.get $acc)) (i32.const 3)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $next)))
                (local.get $acc))
              ;; The same loop calling a WebAssembly function instead.
              (func (export "callWasm") (param $n i32) (result i32) (local $acc i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $acc (i32.mul (call $wasmInc (local.get $acc)) (i32.const 3)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $next)))
                (local.get $acc)))
            """;

    private EmbeddingModule() {}

    /**
     * The module in the binary format.
     *
     * @return fresh bytes
     */
    public static byte[] bytes() {
        return BinaryEncoder.encode(TextParser.parseModule(WAT));
    }

    /**
     * What {@code callHost(n)} and {@code callWasm(n)} return.
     *
     * @param n the number of calls
     * @return the loop's result
     */
    static int loopResult(int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc = (acc + 1) * 3;
        }
        return acc;
    }

    /**
     * Fails a benchmark's setup when an engine computed a wrong answer, so that a wrong answer is
     * never a fast one.
     *
     * @param what what was computed
     * @param expected the right answer
     * @param actual the engine's
     */
    static void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
