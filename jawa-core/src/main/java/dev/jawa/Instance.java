package dev.jawa;

import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.ModuleInstance;
import java.util.Set;

/** An instantiated module: its exports by name. */
public final class Instance {

    private final ModuleInstance instance;

    Instance(ModuleInstance instance) {
        this.instance = instance;
    }

    /**
     * The exported function {@code name}.
     *
     * @throws IllegalArgumentException if there is no function exported by that name
     */
    public Function function(String name) {
        if (!(instance.export(name) instanceof FunctionInstance f)) {
            throw new IllegalArgumentException("no exported function named \"" + name + "\"");
        }
        return new Function(f);
    }

    /**
     * The exported memory {@code name}: typed loads and stores, bulk copies and UTF-8 helpers.
     *
     * @throws IllegalArgumentException if there is no memory exported by that name
     */
    public dev.jawa.runtime.Memory memory(String name) {
        if (!(instance.export(name) instanceof dev.jawa.runtime.Memory m)) {
            throw new IllegalArgumentException("no exported memory named \"" + name + "\"");
        }
        return m;
    }

    /**
     * Binds the exported function {@code name} to a Java functional interface: the same as
     * {@code function(name).as(type)} (see {@link Function#as}).
     *
     * @throws IllegalArgumentException if there is no such function, or {@code type} is not a
     *     functional interface whose method matches the function's signature
     */
    public <T> T bind(String name, Class<T> type) {
        return function(name).as(type);
    }

    /**
     * The export {@code name} as a runtime object (a {@link dev.jawa.runtime.FunctionInstance},
     * {@link dev.jawa.runtime.Table}, {@link dev.jawa.runtime.Memory},
     * {@link dev.jawa.runtime.Global} or {@link dev.jawa.runtime.TagInstance}), or null.
     */
    public Object export(String name) {
        return instance.export(name);
    }

    /** The names of the exports, in the module's order. */
    public Set<String> exportNames() {
        return instance.exports().keySet();
    }

    /** The runtime instance behind this one. */
    public ModuleInstance runtime() {
        return instance;
    }
}
