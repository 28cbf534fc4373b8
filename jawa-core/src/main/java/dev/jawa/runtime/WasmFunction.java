package dev.jawa.runtime;

import dev.jawa.module.Function;
import dev.jawa.validate.DefinedType;
import dev.jawa.validate.FunctionInfo;

/**
 * A function defined by a module instance. {@link #tierCode} is the execution tier's translation
 * of the body, made lazily on the first call and shared by every later call.
 */
public final class WasmFunction extends FunctionInstance {

    private final ModuleInstance instance;
    private final int index;
    private final int definedIndex;
    /** The execution tier's translated code, or null before the first call. */
    public volatile Object tierCode;
    /**
     * The compiled code that replaced {@link #tierCode} once the function got hot, in a tier that
     * starts in the interpreter (Tier.AUTO); null until then.
     */
    public volatile Object compiledCode;

    WasmFunction(DefinedType type, ModuleInstance instance, int index, int definedIndex) {
        super(type);
        this.instance = instance;
        this.index = index;
        this.definedIndex = definedIndex;
    }

    public ModuleInstance instance() {
        return instance;
    }

    /** The index in the module's function index space. */
    public int index() {
        return index;
    }

    /** The index among the module's defined functions. */
    public int definedIndex() {
        return definedIndex;
    }

    /** The function's definition (locals and body). */
    public Function definition() {
        return instance.module().module().functions().get(definedIndex);
    }

    /** What validation learned about the body. */
    public FunctionInfo info() {
        return instance.module().function(definedIndex);
    }

    @Override
    public void invoke(long[] values, Object[] refs) {
        instance.tier().invoke(this, values, refs);
    }

    @Override
    public String toString() {
        return "function " + index;
    }
}
