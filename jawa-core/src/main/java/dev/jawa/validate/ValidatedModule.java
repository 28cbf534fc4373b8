package dev.jawa.validate;

import dev.jawa.module.Module;
import java.util.Arrays;
import java.util.List;

/**
 * A module that passed validation, with what the later stages need from it: the canonical
 * identity of each of its types and, per defined function, the {@link FunctionInfo} (stack
 * bound, locals, branch side table).
 */
public final class ValidatedModule {

    private final Module module;
    private final DefinedType[] types;
    private final FunctionInfo[] functions;

    ValidatedModule(Module module, DefinedType[] types, FunctionInfo[] functions) {
        this.module = module;
        this.types = types;
        this.functions = functions;
    }

    /** The module that was validated. */
    public Module module() {
        return module;
    }

    /** The canonical type for module type index {@code typeIndex}. */
    public DefinedType type(int typeIndex) {
        return types[typeIndex];
    }

    /** The canonical types of every module type index, in order. */
    public List<DefinedType> types() {
        return Arrays.asList(types.clone());
    }

    /** The canonical type of function {@code funcIndex} (function index space, imports first). */
    public DefinedType funcType(int funcIndex) {
        return types[module.funcTypeIndex(funcIndex)];
    }

    /**
     * What validation learned about defined function {@code definedIndex} (an index into
     * {@link Module#functions()}, not counting imported functions).
     */
    public FunctionInfo function(int definedIndex) {
        return functions[definedIndex];
    }

    /** The number of defined functions. */
    public int functionCount() {
        return functions.length;
    }
}
