package dev.jawa.runtime;

import dev.jawa.types.FuncType;
import dev.jawa.validate.DefinedType;

/**
 * A function instance: a WebAssembly function of a module instance ({@link WasmFunction}) or a
 * host function ({@link HostFunction}). As a reference value (funcref) it is itself the
 * reference, so {@code ref.func} of the same function yields the same object.
 */
public abstract sealed class FunctionInstance permits WasmFunction, HostFunction {

    private final DefinedType type;
    private final FuncType funcType;

    FunctionInstance(DefinedType type) {
        this.type = type;
        this.funcType = (FuncType) type.subType().composite();
    }

    /** The function's canonical type. */
    public DefinedType type() {
        return type;
    }

    /** The function's signature. */
    public FuncType funcType() {
        return funcType;
    }

    /**
     * Calls the function with raw values (see {@link Global} for the representation): parameters
     * in {@code values[i]}/{@code refs[i]}, results written back to the same arrays from index 0.
     * Both arrays must be at least as long as the larger of the parameter and result counts.
     */
    public abstract void invoke(long[] values, Object[] refs);
}
