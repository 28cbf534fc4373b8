package dev.jawa.jit;

import dev.jawa.validate.ValidatedModule;

/** Where compiled modules come from: the compiler (a disk cache comes next). */
final class CodeCache {

    private CodeCache() {
    }

    /** The compiled code of {@code module}, with OSR entries if {@code osrEntries}. */
    static ModuleCode compile(ValidatedModule module, boolean osrEntries) {
        return ModuleCompiler.compile(module, osrEntries);
    }
}
