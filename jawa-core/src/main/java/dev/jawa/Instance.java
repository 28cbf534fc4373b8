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
