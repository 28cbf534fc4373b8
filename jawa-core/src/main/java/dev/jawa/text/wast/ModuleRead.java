package dev.jawa.text.wast;

import dev.jawa.module.Module;

/**
 * What reading one module of a script gave the round trip: the module as first parsed or decoded,
 * or, when that failed, the stage ({@code parse} or {@code decode}) and why. The validation checks
 * take the module from here, so each module is read once.
 */
record ModuleRead(Module module, String stage, String error) {

    static ModuleRead of(Module module) {
        return new ModuleRead(module, null, null);
    }

    static ModuleRead failed(String stage, String error) {
        return new ModuleRead(null, stage, error);
    }

    /** Whether the module could be read. */
    boolean ok() {
        return module != null;
    }
}
