package dev.jawa.module;

import java.util.List;

/**
 * A function defined in the module (not imported): its type, its declared locals (beyond the
 * parameters) and its body.
 */
public record Function(int typeIndex, List<LocalGroup> locals, Expr body) {

    public Function {
        locals = List.copyOf(locals);
        if (body == null) {
            throw new IllegalArgumentException("body is null");
        }
    }

    /** The number of declared locals, not counting parameters. */
    public long localCount() {
        long n = 0;
        for (LocalGroup g : locals) {
            n += g.count();
        }
        return n;
    }
}
