package dev.jawa.module;

import dev.jawa.types.GlobalType;

/** A global defined in the module, with its initializing constant expression. */
public record Global(GlobalType type, Expr init) {

    public Global {
        if (type == null || init == null) {
            throw new IllegalArgumentException("type and init are required");
        }
    }
}
