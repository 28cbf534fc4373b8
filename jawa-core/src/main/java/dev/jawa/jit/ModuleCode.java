package dev.jawa.jit;

import dev.jawa.types.FuncType;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A module's compiled code: its hidden classes (through their lookups; see {@link ClassSplit}) and,
 * per defined function, the class holding it and the reason it was not compiled (null if it was).
 * Holds no instance, so it can be shared by all.
 */
final class ModuleCode {

    static final ClassDesc CD = ClassDesc.of(ModuleCode.class.getName());

    private final MethodHandles.Lookup[] lookups;
    /** Per defined function, the index in {@link #lookups} of its class (-1: none). */
    private final int[] partOf;
    private final RuntimeException[] failures;
    private final boolean[] tailCalling;
    private final int imported;

    /** Per defined function: the body offsets of the loops its OSR entry can enter (null: none). */
    private final int[][] osrLoops;

    ModuleCode(MethodHandles.Lookup[] lookups, int[] partOf, RuntimeException[] failures, boolean[] tailCalling,
            int imported, int[][] osrLoops) {
        this.lookups = lookups;
        this.partOf = partOf;
        this.failures = failures;
        this.tailCalling = tailCalling;
        this.imported = imported;
        this.osrLoops = osrLoops;
    }

    /** The lookup of the class holding function {@code funcIndex}. */
    private MethodHandles.Lookup lookup(int funcIndex) {
        int p = partOf[funcIndex - imported];
        if (p < 0) {
            throw new IllegalStateException("function " + funcIndex + " is not in this compiled code");
        }
        return lookups[p];
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
        MethodHandles.Lookup lookup = lookup(funcIndex);
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
        MethodHandles.Lookup lookup = lookup(funcIndex);
        try {
            return lookup.findStatic(lookup.lookupClass(), ModuleCompiler.tailMethodName(funcIndex),
                    ModuleCompiler.tailMethodDesc(type).resolveConstantDesc(lookup));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled body of function " + funcIndex + " missing", e);
        }
    }

    /** The static method of function {@code funcIndex} (context as its last parameter). */
    MethodHandle method(int funcIndex, FuncType type) {
        return method(funcIndex, JvmTypes.handleType(type).appendParameterTypes(JitContext.class));
    }

    /** The static method of function {@code funcIndex}, of JVM type {@code type}. */
    MethodHandle method(int funcIndex, java.lang.invoke.MethodType type) {
        MethodHandles.Lookup lookup = lookup(funcIndex);
        try {
            return lookup.findStatic(lookup.lookupClass(), ModuleCompiler.methodName(funcIndex), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled method of function " + funcIndex + " missing", e);
        }
    }

    /**
     * The raw-convention bridge for signature {@code type} (see {@link BridgeEmitter}), from the
     * class of function {@code funcIndex} (each class has the bridges of its functions' signatures).
     */
    MethodHandle bridge(int funcIndex, FuncType type) {
        MethodHandles.Lookup lookup = lookup(funcIndex);
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

    /** The first compiled class (for tests and diagnostics). */
    Class<?> lookupClass() {
        return lookups[0].lookupClass();
    }

    /** All compiled classes (for tests and diagnostics). */
    java.util.List<Class<?>> classes() {
        return java.util.Arrays.stream(lookups).<Class<?>>map(MethodHandles.Lookup::lookupClass).toList();
    }
}
