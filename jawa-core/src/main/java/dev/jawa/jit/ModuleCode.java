package dev.jawa.jit;

import dev.jawa.WasmException;
import dev.jawa.types.FuncType;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * A module's compiled code: its hidden classes (through their lookups; see {@link ClassSplit}) and,
 * per defined function, the class holding it and the reason it was not compiled (null if it was).
 * Each class is made and defined when first needed (see {@link ClassSource}), so the per-function
 * facts are read after making the function's class. Holds no instance, so it can be shared by all.
 */
final class ModuleCode {

    static final ClassDesc CD = ClassDesc.of(ModuleCode.class.getName());
    private static final MethodHandle RESOLVE_LINK;

    static {
        try {
            RESOLVE_LINK = MethodHandles.lookup().findVirtual(ModuleCode.class, "resolveLink",
                    MethodType.methodType(MethodHandle.class, MutableCallSite.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where classes not yet defined come from; null once all are. Guarded by this. */
    private ClassSource source;
    /** The defined classes, by index (null: not yet). Guarded by this. */
    private MethodHandles.Lookup[] lookups;
    /** Per defined function, the index in {@link #lookups} of its class (-1: none). Guarded by this. */
    private final int[] partOf;
    private final RuntimeException[] failures;
    private final boolean[] tailCalling;
    private final int imported;

    /** Per defined function: the body offsets of the loops its OSR entry can enter (null: none). */
    private final int[][] osrLoops;

    ModuleCode(ClassSource source, int classes, int[] partOf, RuntimeException[] failures, boolean[] tailCalling,
            int imported, int[][] osrLoops) {
        this.source = source;
        this.lookups = new MethodHandles.Lookup[classes];
        this.partOf = partOf;
        this.failures = failures;
        this.tailCalling = tailCalling;
        this.imported = imported;
        this.osrLoops = osrLoops;
    }

    /** The lookup of the class holding function {@code funcIndex}, made and defined now if needed. */
    private synchronized MethodHandles.Lookup lookup(int funcIndex) {
        int d = funcIndex - imported;
        int p = partOf[d];
        if (p < 0) {
            throw new IllegalStateException("function " + funcIndex + " is not in this compiled code");
        }
        if (p >= lookups.length || lookups[p] == null) {
            define(source.make(p));
            p = partOf[d]; // the class may have been split
            if (java.util.Arrays.stream(lookups).allMatch(java.util.Objects::nonNull)) {
                source = null; // all made: let go of the compiler's inputs
            }
        }
        return lookups[p];
    }

    /** Defines classes just made (with initialize false: their links resolve on their first call). */
    private void define(java.util.List<ClassSource.Made> made) {
        try {
            for (ClassSource.Made m : made) {
                if (m.part() >= lookups.length) {
                    lookups = java.util.Arrays.copyOf(lookups, m.part() + 1);
                }
                MethodType[] types = new MethodType[m.callees().length];
                for (int i = 0; i < types.length; i++) {
                    types[i] = source.methodType(m.callees()[i]);
                }
                ClassLinks links = new ClassLinks(this, m.callees(), types);
                lookups[m.part()] = MethodHandles.lookup().defineHiddenClassWithClassData(m.bytes(), links, false);
            }
        } catch (IllegalAccessException | LinkageError e) {
            throw new WasmException("the compiled code of this module was rejected: " + e, e);
        }
    }

    /** Makes sure the class of defined function {@code defined} is there (its facts are known then). */
    private void ensure(int defined) {
        if (partOf[defined] >= 0) {
            lookup(imported + defined);
        }
    }

    /**
     * The handle a link field holds for function {@code funcIndex}: its method if its class is
     * defined; else a call site that makes the class on the first call through it and then points
     * at the method (HotSpot inlines through the site's current target either way).
     */
    synchronized MethodHandle link(int funcIndex, MethodType type) {
        int p = partOf[funcIndex - imported];
        if (p >= 0 && p < lookups.length && lookups[p] != null) {
            return method(funcIndex, type);
        }
        MutableCallSite site = new MutableCallSite(type);
        MethodHandle resolve = MethodHandles.insertArguments(RESOLVE_LINK, 0, this, site, funcIndex);
        site.setTarget(MethodHandles.foldArguments(MethodHandles.exactInvoker(type), resolve));
        return site.dynamicInvoker();
    }

    /** The first call through a lazy link: makes the callee's class, points the site at its method. */
    @SuppressWarnings("unused") // through RESOLVE_LINK
    private MethodHandle resolveLink(MutableCallSite site, int funcIndex) {
        MethodHandle m = method(funcIndex, site.type());
        site.setTarget(m);
        return m;
    }

    /** Whether defined function {@code defined} was compiled. */
    synchronized boolean compiled(int defined) {
        ensure(defined);
        return failures[defined] == null;
    }

    /**
     * The OSR entry of function {@code funcIndex} (see {@link OsrEntry}) if it can enter the loop
     * at body offset {@code loopOffset}; else null.
     */
    MethodHandle osrEntry(int funcIndex, FuncType type, int loopOffset) {
        MethodHandles.Lookup lookup = lookup(funcIndex);
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
        MethodHandles.Lookup lookup = lookup(funcIndex);
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

    /** The classes defined so far (for tests and diagnostics). */
    synchronized java.util.List<Class<?>> classes() {
        return java.util.Arrays.stream(lookups).filter(java.util.Objects::nonNull)
                .<Class<?>>map(MethodHandles.Lookup::lookupClass).toList();
    }

    /** The number of classes, defined or not (for tests and diagnostics). */
    synchronized int classCount() {
        return lookups.length;
    }
}
