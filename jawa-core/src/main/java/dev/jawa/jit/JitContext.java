package dev.jawa.jit;

import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.Global;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Table;
import dev.jawa.validate.DefinedType;

/**
 * One module instance as compiled code sees it: every generated method takes it as its last
 * parameter. The class of compiled code is shared by all instances of a module, so everything
 * instance-specific is reached through here. Fields are final and plain (no getters) so HotSpot
 * folds a read of, say, {@link #mem0} into one load.
 */
public final class JitContext {

    final ModuleInstance instance;
    /** The module's compiled code. */
    final ModuleCode code;
    /** Memory 0, or null: the common case gets a field of its own. */
    final Memory mem0;
    final Memory[] memories;
    final Global[] globals;
    final FunctionInstance[] functions;
    final Table[] tables;
    final DefinedType[] types;

    JitContext(ModuleInstance instance, ModuleCode code) {
        this.instance = instance;
        this.code = code;
        this.memories = instance.memories();
        this.mem0 = memories.length == 0 ? null : memories[0];
        this.globals = instance.globals();
        this.functions = instance.functions();
        this.tables = instance.tables();
        this.types = instance.types();
    }

    /** The instance this context stands for. */
    public ModuleInstance instance() {
        return instance;
    }
}
