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
