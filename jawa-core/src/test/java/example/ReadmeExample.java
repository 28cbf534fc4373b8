package example;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Trap;
import dev.jawa.runtime.Memory;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * The README's embedding example, verbatim between the markers (ReadmeExampleTest keeps the two
 * identical, and runs it). It lives outside package dev.jawa to use the public API only.
 */
public final class ReadmeExample {

    private ReadmeExample() {
    }

    /** Runs the example; returns what it printed. */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        // README-BEGIN
        Engine engine = new Engine();
        CompiledModule module = engine.compileText("""
                (module
                  (import "env" "log" (func $log (param i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "Hello from WebAssembly")
                  (func (export "add") (param i32 i32) (result i32)
                    (i32.add (local.get 0) (local.get 1)))
                  (func (export "countdown") (param $n i32)
                    (loop $next
                      (call $log (local.get $n))
                      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
                  (func (export "divide") (param i32 i32) (result i32)
                    (i32.div_s (local.get 0) (local.get 1))))
                """);

        // Imports: a host function as a lambda, with raw values (i32 in values[0]).
        Linker linker = new Linker().function("env", "log", new FuncType(List.of(NumType.I32), List.of()),
                (values, refs) -> out.add("log " + values[0]));
        Instance instance = module.instantiate(linker); // compile once, instantiate many times

        // Typed calls: bound to a functional interface, no boxing.
        IntBinaryOperator add = instance.function("add").as(IntBinaryOperator.class);
        out.add("2 + 3 = " + add.applyAsInt(2, 3));

        // Generic calls: boxed values in and out.
        instance.function("countdown").apply(3);

        // Memory: typed reads and writes, bulk copies, UTF-8 strings.
        Memory memory = instance.memory("memory");
        out.add(memory.readUtf8(16, 22));
        memory.writeInt(0, 42);
        out.add("memory[0] = " + memory.readInt(0));

        // Traps: a Trap exception with the spec's message and the WebAssembly stack.
        try {
            instance.function("divide").call(1, 0);
        } catch (Trap trap) {
            out.add("trap: " + trap.reason() + " in " + trap.wasmStackTrace().get(0));
        }
        // README-END
        return out;
    }
}
