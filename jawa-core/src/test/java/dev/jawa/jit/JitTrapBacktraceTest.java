package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traps in compiled code carry the same WebAssembly backtrace, offsets included, as in the interpreter. */
class JitTrapBacktraceTest {

    // Body offsets: $inner: 0 i32.const 1 | 2 local.get 0 | 4 i32.div_u
    //               $outer: 0 nop | 1 local.get 0 | 3 call $inner
    //               $fill:  0 i32.const 0 | 2 i32.const 0 | 4 local.get 0 | 6 memory.fill
    //               $viaHost: 0 local.get 0 | 2 call $host
    //               $back: 0 i32.const 7 | 2 drop | 3 local.get 0 | 5 call $outer
    //               $load: 0 block | 2 local.get 0 | 4 i64.load offset=3 | 7 drop | 8 end
    //                      | 9 local.get 0 | 11 call_indirect (traps when 0 < index) 
    private static final String MODULE = """
            (module $m
              (import "env" "host" (func $host (param i32)))
              (memory 1)
              (table 1 funcref)
              (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
              (func $outer (export "outer") (param i32) (result i32) nop (call $inner (local.get 0)))
              (func $fill (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0)))
              (func $viaHost (export "viaHost") (param i32) (call $host (local.get 0)))
              (func $back (export "back") (param i32) (result i32) (i32.const 7) (drop) (call $outer (local.get 0)))
              (func $load (export "load") (param i32)
                (block (drop (i64.load offset=3 (local.get 0))))
                (call_indirect (local.get 0)))
              (func $deep (export "deep") (param i32) (result i32)
                (if (result i32) (local.get 0)
                  (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
                  (else (call $outer (i32.const 0))))))
            """;

    private static Instance instance(Tier tier) {
        Instance[] self = new Instance[1];
        Linker linker = new Linker().function("env", "host", new FuncType(List.of(NumType.I32), List.of()),
                (values, refs) -> self[0].function("back").call(values[0]));
        self[0] = new Engine(tier).compileText(MODULE).instantiate(linker);
        return self[0];
    }

    private static List<Trap.Frame> backtrace(Tier tier, String export, int arg) {
        Trap t = assertThrows(Trap.class, () -> instance(tier).function(export).call(arg));
        return t.wasmStackTrace();
    }

    private static void assertSameOnBothTiers(String export, int arg, String expected) {
        List<Trap.Frame> interp = backtrace(Tier.INTERP, export, arg);
        assertEquals(expected, interp.toString(), "interpreter");
        assertEquals(interp, backtrace(Tier.JIT, export, arg), "compiler");
    }

    @Test
    void aTrapAndTheCallsOnTheWayAreLocated() {
        assertSameOnBothTiers("outer", 0, "[func $inner (index 1) in m @ 0x4, func $outer (index 2) in m @ 0x3]");
    }

    @Test
    void instructionsRunOutOfLineAreLocated() {
        assertSameOnBothTiers("fill", 65537, "[func $fill (index 3) in m @ 0x6]");
        assertSameOnBothTiers("load", 65535, "[func $load (index 6) in m @ 0x4]");
        assertSameOnBothTiers("load", 0, "[func $load (index 6) in m @ 0xb]");
    }

    @Test
    void framesOnBothSidesOfAHostCallAreLocated() {
        assertSameOnBothTiers("viaHost", 0, "[func $inner (index 1) in m @ 0x4, func $outer (index 2) in m @ 0x3,"
                + " func $back (index 5) in m @ 0x5, func $viaHost (index 4) in m @ 0x2]");
    }

    @Test
    void aTailCallReplacesItsCallersFrame() {
        String wat = """
                (module $t
                  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $tail (param i32) (result i32) (return_call $inner (local.get 0)))
                  (func $top (export "top") (param i32) (result i32) nop (call $tail (local.get 0))))
                """;
        List<List<Trap.Frame>> both = new java.util.ArrayList<>();
        for (Tier tier : List.of(Tier.INTERP, Tier.JIT)) {
            Instance i = new Engine(tier).compileText(wat).instantiate();
            both.add(assertThrows(Trap.class, () -> i.function("top").call(0)).wasmStackTrace());
        }
        assertEquals("[func $inner (index 0) in t @ 0x4, func $top (index 2) in t @ 0x3]", both.get(0).toString());
        assertEquals(both.get(0), both.get(1));
    }

    @Test
    void recursionGivesOneFramePerCall() {
        List<Trap.Frame> interp = backtrace(Tier.INTERP, "deep", 50);
        assertEquals(53, interp.size());
        assertEquals(interp, backtrace(Tier.JIT, "deep", 50));
    }
}
