package dev.jawa;

import dev.jawa.runtime.HostFunction;
import dev.jawa.runtime.HostTypes;
import dev.jawa.types.FuncType;
import java.util.HashMap;
import java.util.Map;

/**
 * What instantiation imports from: host functions, and the exports of other instances, by module
 * and field name. Later definitions replace earlier ones. Not thread-safe while being filled;
 * safe to share once complete.
 */
public final class Linker {

    private final Map<String, Map<String, Object>> definitions = new HashMap<>();
    private final Map<String, Instance> instances = new HashMap<>();

    /**
     * Defines a host function with raw values: {@code code} reads the arguments from
     * {@code values[i]} (i32 sign-extended, f32/f64 as raw IEEE bits) or {@code refs[i]}
     * (references), and writes the results to the same arrays from index 0.
     */
    public Linker function(String module, String name, FuncType type, HostFunction.Code code) {
        return define(module, name, new HostFunction(HostTypes.of(type), module + "." + name, code));
    }

    /**
     * Defines a host function implemented by {@code impl}, a Java functional interface whose
     * method's signature gives the WebAssembly type: int for i32, long for i64, float for f32,
     * double for f64, void or one of those for the result. For example
     * {@code linker.function("env", "add", IntBinaryOperator.class, (a, b) -> a + b)} defines
     * {@code (func (param i32 i32) (result i32))}. Compiled code calls {@code impl} directly, with
     * no boxing and no arrays; the interpreter through raw arrays. An exception it throws ends the
     * call as for {@link #function(String, String, FuncType, HostFunction.Code)}.
     *
     * @throws IllegalArgumentException when {@code iface} is not an interface with a single
     *         abstract method of such a signature
     */
    public <T> Linker function(String module, String name, Class<T> iface, T impl) {
        return define(module, name, HostBinding.create(module, name, null, iface, impl));
    }

    /**
     * {@link #function(String, String, Class, Object)} for any signature: {@code type} is the
     * WebAssembly type, and the method takes and returns what {@link Function#as} binds for it
     * (references as any reference type; several results as an {@code Object[]} of boxed values).
     *
     * @throws IllegalArgumentException when the method's signature does not fit {@code type}
     */
    public <T> Linker function(String module, String name, FuncType type, Class<T> iface, T impl) {
        return define(module, name, HostBinding.create(module, name, type, iface, impl));
    }

    /**
     * Defines an import from a runtime object: a function, table, memory, global or tag instance
     * (e.g. another instance's export), or a {@link Function}.
     */
    public Linker define(String module, String name, Object extern) {
        if (extern instanceof Function f) {
            extern = f.runtime();
        }
        definitions.computeIfAbsent(module, k -> new HashMap<>()).put(name, extern);
        return this;
    }

    /** Makes every export of {@code instance} importable under module name {@code module}. */
    public Linker instance(String module, Instance instance) {
        instances.put(module, instance);
        return this;
    }

    /** The extern defined for {@code module}/{@code name}, or null. */
    Object resolve(String module, String name) {
        Map<String, Object> m = definitions.get(module);
        if (m != null && m.containsKey(name)) {
            return m.get(name);
        }
        Instance inst = instances.get(module);
        return inst == null ? null : inst.runtime().export(name);
    }
}
