package dev.jawa.module;

import dev.jawa.types.TableType;

/**
 * A table defined in the module. {@code init} is the constant expression every element starts
 * as, or null for the default (null references), which the binary format writes in the short form.
 */
public record Table(TableType type, Expr init) {

    public Table {
        if (type == null) {
            throw new IllegalArgumentException("type is null");
        }
    }
}
