package dev.jawa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.types.FuncType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trap backtraces: every frame names its function and the offset of the instruction in its body. */
class TrapBacktraceTest {

    // Body offsets (instructions only, after the local declarations):
    //   $inner: 0 i32.const 1 | 2 local.get 0 | 4 i32.div_u
    //   $outer: 0 nop | 1 local.get 0 | 3 call $inner
    //   $fill:  0 i32.const 0 | 2 i32.const 0 | 4 local.get 0 | 6 memory.fill
    //   $viaHost: 0 local.get 0 | 2 call $host
    private static final String MODULE = """
            (module $m
              (import "env" "host" (func $host (param i32)))
              (memory 1)
              (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
              (func $outer (export "outer") (param i32) (result i32) nop (call $inner (local.get 0)))
              (func $fill (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 0) (local.get 0)))
              (func $viaHost (export "viaHost") (param i32) (call $host (local.get 0)))
              (func $back (export "back") (param i32) (result i32) (i32.const 7) (drop) (call $outer (local.get 0))))
            """;

    private static Instance instance() {
        Instance[] self = new Instance[1];
        Linker linker = new Linker().function("env", "host", new FuncType(List.of(dev.jawa.types.NumType.I32), List.of()),
                (values, refs) -> self[0].function("back").call(values[0]));
        self[0] = new Engine().compileText(MODULE).instantiate(linker);
        return self[0];
    }

    private static void assertFrame(Trap.Frame f, String name, int offset) {
        assertEquals(name, f.functionName());
        assertEquals(offset, f.codeOffset(), () -> "offset in $" + name);
    }

    @Test
    void framesCarryTheOffsetOfTheTrappingInstructionAndOfEachCall() {
        Trap t = assertThrows(Trap.class, () -> instance().function("outer").call(0));
        assertEquals("integer divide by zero", t.reason());
        assertEquals(2, t.wasmStackTrace().size());
        assertFrame(t.wasmStackTrace().get(0), "inner", 4);
        assertFrame(t.wasmStackTrace().get(1), "outer", 3);
        assertEquals(1, t.wasmStackTrace().get(0).functionIndex());
        assertEquals("m", t.wasmStackTrace().get(0).module());
    }

    @Test
    void instructionsRunOutOfLineAndHostCallsBackAreLocatedToo() {
        Trap fill = assertThrows(Trap.class, () -> instance().function("fill").call(65537));
        assertEquals("out of bounds memory access", fill.reason());
        assertFrame(fill.wasmStackTrace().get(0), "fill", 6);

        // viaHost -> host -> back -> outer -> inner traps: the frames on both sides of the host.
        Trap t = assertThrows(Trap.class, () -> instance().function("viaHost").call(0));
        List<Trap.Frame> frames = t.wasmStackTrace();
        assertEquals(4, frames.size(), frames::toString);
        assertFrame(frames.get(0), "inner", 4);
        assertFrame(frames.get(1), "outer", 3);
        assertFrame(frames.get(2), "back", 5);
        assertFrame(frames.get(3), "viaHost", 2);
    }

    @Test
    void thePrintedStackTraceShowsTheBacktraceLikeWasmtime() {
        Trap t = assertThrows(Trap.class, () -> instance().function("outer").call(0));
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String printed = out.toString();
        assertTrue(printed.startsWith("""
                dev.jawa.Trap: integer divide by zero
                wasm backtrace:
                    0: func $inner (index 1) in m @ 0x4
                    1: func $outer (index 2) in m @ 0x3
                """), printed);
        assertEquals("func 7 @ 0x1a", new Trap.Frame(null, 7, null, 0x1a).toString());
    }
}
