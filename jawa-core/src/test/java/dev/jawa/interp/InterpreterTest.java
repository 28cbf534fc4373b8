package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.Trap;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.Instantiator;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.text.TextParser;
import dev.jawa.validate.Validator;
import org.junit.jupiter.api.Test;

/** Calls, recursion, tail calls and traps on the interpreter. */
class InterpreterTest {

    /** Shared with the other interpreter tests of this package. */
    static ModuleInstance instantiate(String wat) {
        return Instantiator.instantiate(Validator.validate(TextParser.parseModule(wat)), (m, n) -> null,
                new Interpreter());
    }

    /** Calls export {@code name} with raw numeric arguments; its first result. */
    static long call(ModuleInstance inst, String name, long... args) {
        FunctionInstance f = (FunctionInstance) inst.export(name);
        long[] values = new long[Math.max(2, args.length)];
        System.arraycopy(args, 0, values, 0, args.length);
        f.invoke(values, new Object[values.length]);
        return values[0];
    }

    private static final String RECURSION = """
            (module
              (func $sum (export "sum") (param i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 0))
                  (else (i64.add (local.get 0) (call $sum (i64.sub (local.get 0) (i64.const 1)))))))
              (func $loop (export "loop") (param i64 i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
                  (else (return_call $loop (i64.sub (local.get 0) (i64.const 1))
                                           (i64.add (local.get 1) (local.get 0))))))
              (func $forever (export "forever") (call $forever)))
            """;

    @Test
    void deepRecursionNeedsNoJavaStack() {
        ModuleInstance inst = instantiate(RECURSION);
        assertEquals(50_000L * 50_001 / 2, call(inst, "sum", 50_000));
    }

    @Test
    void tailCallsRunInConstantSpace() {
        ModuleInstance inst = instantiate(RECURSION);
        long n = 10_000_000;
        assertEquals(n * (n + 1) / 2, call(inst, "loop", n, 0));
    }

    @Test
    void unboundedRecursionTrapsAndTheMachineStaysUsable() {
        ModuleInstance inst = instantiate(RECURSION);
        Trap t = assertThrows(Trap.class, () -> call(inst, "forever"));
        assertEquals("call stack exhausted", t.reason());
        assertEquals(5050, call(inst, "sum", 100));
    }

    @Test
    void arithmeticTrapsCarryTheSpecMessages() {
        ModuleInstance inst = instantiate("""
                (module
                  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
                  (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0))))
                """);
        assertEquals(-2, (int) call(inst, "div", -7, 3));
        assertEquals("integer divide by zero", assertThrows(Trap.class, () -> call(inst, "div", 1, 0)).reason());
        assertEquals("integer overflow",
                assertThrows(Trap.class, () -> call(inst, "div", Integer.MIN_VALUE, -1)).reason());
        assertEquals("invalid conversion to integer", assertThrows(Trap.class,
                () -> call(inst, "trunc", Double.doubleToRawLongBits(Double.NaN))).reason());
        assertEquals("integer overflow", assertThrows(Trap.class,
                () -> call(inst, "trunc", Double.doubleToRawLongBits(3e9))).reason());
    }
}
