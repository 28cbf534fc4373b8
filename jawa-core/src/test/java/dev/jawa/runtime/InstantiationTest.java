package dev.jawa.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.Trap;
import dev.jawa.UnlinkableException;
import dev.jawa.interp.Interpreter;
import dev.jawa.text.TextParser;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instantiation: import matching, segments in order, the start function, and host re-entry. */
class InstantiationTest {

    private static final Interpreter TIER = new Interpreter();

    private static ModuleInstance instantiate(String wat, Imports imports) {
        return Instantiator.instantiate(dev.jawa.validate.Validator.validate(TextParser.parseModule(wat)), imports, TIER);
    }

    private static long call(ModuleInstance inst, String name, long... args) {
        FunctionInstance f = (FunctionInstance) inst.export(name);
        long[] v = new long[Math.max(2, args.length)];
        System.arraycopy(args, 0, v, 0, args.length);
        f.invoke(v, new Object[v.length]);
        return v[0];
    }

    @Test
    void importsMatchByKindAndType() {
        Memory small = new Memory(new MemoryType(AddressType.I32, Limits.between(1, 1), false));
        String wat = "(module (import \"m\" \"mem\" (memory 1 2)))";
        assertEquals("unknown import", assertThrows(UnlinkableException.class,
                () -> instantiate(wat, (m, n) -> null)).reason());
        // a memory with max 1 fits (1 <= 2); one without a max does not
        instantiate(wat, (m, n) -> small);
        Memory unbounded = new Memory(new MemoryType(AddressType.I32, Limits.atLeast(1), false));
        assertEquals("incompatible import type", assertThrows(UnlinkableException.class,
                () -> instantiate(wat, (m, n) -> unbounded)).reason());
        HostFunction f = new HostFunction(HostTypes.of(new FuncType(List.of(), List.of())), "f", (v, r) -> { });
        assertEquals("incompatible import type", assertThrows(UnlinkableException.class,
                () -> instantiate(wat, (m, n) -> f)).reason());
    }

    @Test
    void segmentsApplyInOrderAndATrapKeepsEarlierEffects() {
        Memory shared = new Memory(new MemoryType(AddressType.I32, Limits.atLeast(1), false));
        Imports imports = (m, n) -> shared;
        Trap t = assertThrows(Trap.class, () -> instantiate("""
                (module (import "m" "mem" (memory 1))
                  (data (i32.const 0) "\\01")
                  (data (i32.const 65535) "\\02\\03"))
                """, imports));
        assertEquals("out of bounds memory access", t.reason());
        assertEquals(1, shared.loadU8(0));
        assertEquals(0, shared.loadU8(65535));
    }

    @Test
    void theStartFunctionRunsAndHostFunctionsCanCallBack() {
        ModuleInstance[] self = new ModuleInstance[1];
        HostFunction twice = new HostFunction(HostTypes.of(new FuncType(List.of(NumType.I32), List.of(NumType.I32))),
                "twice", (v, r) -> v[0] = 2 * call(self[0], "id", v[0]));
        ModuleInstance inst = instantiate("""
                (module
                  (import "h" "twice" (func $twice (param i32) (result i32)))
                  (global $g (export "g") (mut i32) (i32.const 0))
                  (func (export "id") (param i32) (result i32) (local.get 0))
                  (func (export "quad") (param i32) (result i32) (call $twice (call $twice (local.get 0))))
                  (func $start (global.set $g (i32.const 42)))
                  (start $start))
                """, (m, n) -> twice);
        self[0] = inst;
        assertEquals(42, ((Global) inst.export("g")).bits);
        assertEquals(20, call(inst, "quad", 5));
        assertSame(inst.functions()[0], twice);
        assertNull(inst.export("missing"));
    }

    @Test
    void memoryGrowsUpToItsMaximum() {
        Memory m = new Memory(new MemoryType(AddressType.I32, Limits.between(1, 3), false));
        assertEquals(1, m.grow(2));
        assertEquals(3, m.pages());
        assertEquals(-1, m.grow(1));
        assertEquals(3, m.grow(0));
    }
}
