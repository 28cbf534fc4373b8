package dev.jawa.types;

import java.util.List;

/** A function signature: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {

    /** The signature {@code [] -> []}. */
    public static final FuncType EMPTY = new FuncType(List.of(), List.of());

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** A signature from arrays of types. */
    public static FuncType of(ValType[] params, ValType[] results) {
        return new FuncType(List.of(params), List.of(results));
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
