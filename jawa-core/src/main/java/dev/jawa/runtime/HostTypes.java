package dev.jawa.runtime;

import dev.jawa.module.Module;
import dev.jawa.types.FuncType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import dev.jawa.validate.DefinedType;
import dev.jawa.validate.Validator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical types for host functions: the {@link DefinedType} a module would get for a function
 * type written on its own (a final type in a recursion group of one), so that host functions
 * match imports of that type and pass call_indirect's type check exactly like WebAssembly ones.
 */
public final class HostTypes {

    private static final ConcurrentHashMap<FuncType, DefinedType> CACHE = new ConcurrentHashMap<>();

    private HostTypes() {
    }

    /** The canonical type of signature {@code type} (which may use abstract reference types only). */
    public static DefinedType of(FuncType type) {
        return CACHE.computeIfAbsent(type, t -> {
            Module m = Module.builder().addRecType(RecType.single(SubType.plain(t))).build();
            return Validator.validate(m).type(0);
        });
    }
}
