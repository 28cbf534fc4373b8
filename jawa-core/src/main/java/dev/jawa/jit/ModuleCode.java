package dev.jawa.jit;

import dev.jawa.types.FuncType;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A module's compiled code: the hidden class (through its lookup) and, per defined function, the
 * reason it was not compiled (null if it was). Holds no instance, so it can be shared by all.
 */
final class ModuleCode {

    static final ClassDesc CD = ClassDesc.of(ModuleCode.class.getName());

    private final MethodHandles.Lookup lookup;
    private final RuntimeException[] failures;
    private final boolean[] tailCalling;
    private final int imported;

    /** Per defined function: the body offsets of the loops its OSR entry can enter (null: none). */
    private final int[][] osrLoops;

    ModuleCode(MethodHandles.Lookup lookup, RuntimeException[] failures, boolean[] tailCalling, int imported,
            int[][] osrLoops) {
        this.lookup = lookup;
        this.failures = failures;
        this.tailCalling = tailCalling;
        this.imported = imported;
        this.osrLoops = osrLoops;
    }

    /** Whether defined function {@code defined} was compiled. */
    boolean compiled(int defined) {
        return failures[defined] == null;
    }

    /**
     * The OSR entry of function {@code funcIndex} (see {@link OsrEntry}) if it can enter the loop
     * at body offset {@code loopOffset}; else null.
     */
    MethodHandle osrEntry(int funcIndex, FuncType type, int loopOffset) {
        int[] loops = osrLoops[funcIndex - imported];
        if (loops == null || java.util.Arrays.stream(loops).noneMatch(l -> l == loopOffset)) {
            return null;
        }
        try {
            return lookup.findStatic(lookup.lookupClass(), OsrEntry.methodName(funcIndex),
                    OsrEntry.methodDesc(type).resolveConstantDesc(lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OSR entry of function " + funcIndex + " missing", e);
        }
    }

    /**
     * What the body of a function that was not compiled calls: in the compiler tier, nothing (it
     * throws why the function was not compiled, never silently slower); in another tier (AUTO),
     * the function as that tier runs it (the interpreter), through a boxing adapter.
     */
    static MethodHandle fallback(JitContext ctx, int defined) {
        if (ctx.instance.tier() instanceof JitTier) {
            throw ctx.code.failures[defined];
        }
        dev.jawa.runtime.FunctionInstance f = ctx.functions[ctx.code.imported + defined];
        return MethodHandles.insertArguments(JitCalls.target(f), 0, f);
    }

    /** The body method of a function containing tail calls (see {@link JitTail}), or null. */
    MethodHandle tailMethod(int funcIndex, FuncType type) {
        if (!tailCalling[funcIndex - imported]) {
            return null;
        }
        try {
            return lookup.findStatic(lookup.lookupClass(), ModuleCompiler.tailMethodName(funcIndex),
                    ModuleCompiler.tailMethodDesc(type).resolveConstantDesc(lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled body of function " + funcIndex + " missing", e);
        }
    }

    /** The static method of function {@code funcIndex} (context as its last parameter). */
    MethodHandle method(int funcIndex, FuncType type) {
        try {
            return lookup.findStatic(lookup.lookupClass(), ModuleCompiler.methodName(funcIndex),
                    JvmTypes.methodDesc(type).resolveConstantDesc(lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled method of function " + funcIndex + " missing", e);
        }
    }

    /** The raw-convention bridge for signature {@code type} (see {@link BridgeEmitter}). */
    MethodHandle bridge(FuncType type) {
        try {
            return lookup.findStatic(lookup.lookupClass(), ModuleCompiler.bridgeName(type),
                    BridgeEmitter.desc().resolveConstantDesc(lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("bridge for " + type + " missing", e);
        }
    }

    /** Why defined function {@code defined} was not compiled (called by its throwing body). */
    static RuntimeException failure(JitContext ctx, int defined) {
        return ctx.code.failures[defined];
    }

    /** The compiled class (for tests and diagnostics). */
    Class<?> lookupClass() {
        return lookup.lookupClass();
    }
}
