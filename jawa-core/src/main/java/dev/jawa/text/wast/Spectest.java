package dev.jawa.text.wast;

import dev.jawa.runtime.Global;
import dev.jawa.runtime.HostFunction;
import dev.jawa.runtime.HostTypes;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.Table;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.TableType;
import dev.jawa.types.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spectest} host module the testsuite imports from: print functions that do nothing
 * (the scripts never check output), globals of 666 and 666.6, a funcref table of 10..20 elements
 * (and its 64-bit twin), a memory of 1..2 pages and a shared one. A fresh set per script, so that
 * one script's writes to the memory or table never leak into another.
 */
final class Spectest {

    private final Map<String, Object> exports = new HashMap<>();

    Spectest() {
        function("print");
        function("print_i32", NumType.I32);
        function("print_i64", NumType.I64);
        function("print_f32", NumType.F32);
        function("print_f64", NumType.F64);
        function("print_i32_f32", NumType.I32, NumType.F32);
        function("print_f64_f64", NumType.F64, NumType.F64);
        global("global_i32", NumType.I32, 666);
        global("global_i64", NumType.I64, 666);
        global("global_f32", NumType.F32, Float.floatToRawIntBits(666.6f));
        global("global_f64", NumType.F64, Double.doubleToRawLongBits(666.6));
        exports.put("table", new Table(new TableType(AddressType.I32, Limits.between(10, 20), RefType.FUNCREF), null, null));
        exports.put("table64", new Table(new TableType(AddressType.I64, Limits.between(10, 20), RefType.FUNCREF), null, null));
        exports.put("memory", new Memory(new MemoryType(AddressType.I32, Limits.between(1, 2), false)));
        exports.put("shared_memory", new Memory(new MemoryType(AddressType.I32, Limits.between(1, 2), true)));
    }

    /** The export {@code name}, or null. */
    Object export(String name) {
        return exports.get(name);
    }

    private void function(String name, ValType... params) {
        FuncType type = new FuncType(List.of(params), List.of());
        exports.put(name, new HostFunction(HostTypes.of(type), "spectest." + name, (values, refs) -> { }));
    }

    private void global(String name, NumType type, long bits) {
        Global g = new Global(new GlobalType(type, false), null);
        g.bits = bits;
        exports.put(name, g);
    }
}
