package dev.jawa;

import dev.jawa.module.Export;
import dev.jawa.module.Import;
import dev.jawa.runtime.Instantiator;
import dev.jawa.validate.ValidatedModule;
import java.util.List;

/**
 * A decoded and validated module, ready to be instantiated any number of times. Immutable and
 * thread-safe. The interpreter translates each function once, on its first call in any instance,
 * and all instances share the translation.
 */
public final class CompiledModule {

    private final Engine engine;
    private final ValidatedModule module;

    CompiledModule(Engine engine, ValidatedModule module) {
        this.engine = engine;
        this.module = module;
    }

    /** The module's imports, in order. */
    public List<Import> imports() {
        return module.module().imports();
    }

    /** The module's exports, in order. */
    public List<Export> exports() {
        return module.module().exports();
    }

    /** The validated module (types, functions, side tables) behind this compiled module. */
    public ValidatedModule validated() {
        return module;
    }

    /** Instantiates a module that imports nothing. */
    public Instance instantiate() {
        return instantiate(new Linker());
    }

    /**
     * Instantiates the module with imports from {@code linker}: runs its segments and start
     * function.
     *
     * @throws UnlinkableException if an import is missing or has the wrong type
     * @throws Trap if a segment does not fit or the start function traps
     */
    public Instance instantiate(Linker linker) {
        return new Instance(Instantiator.instantiate(module, linker::resolve, engine.tier()));
    }
}
