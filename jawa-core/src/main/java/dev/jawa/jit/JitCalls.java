package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.CallArrays;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.HostFunction;
import dev.jawa.runtime.Table;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.types.ValType;
import dev.jawa.validate.DefinedType;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls that are not a direct invokestatic: to imported functions, through tables
 * (call_indirect) and through references (call_ref), when the callee is not a function of the
 * caller's own instance (those the dispatchers call directly). Every function instance is called
 * through a {@link MethodHandle} of its JVM signature ({@link JvmTypes#handleType}) with the
 * function itself first ({@link #target}): for a function of a compiled instance, its static
 * method with the instance's context bound; for anything else (a host function, an interpreted
 * function), an adapter that boxes the arguments into the raw arrays of
 * {@link FunctionInstance#invoke}.
 */
final class JitCalls {

    static final ClassDesc CD = ClassDesc.of(JitCalls.class.getName());
    static final ClassDesc CD_FUNCTION = ClassDesc.of(FunctionInstance.class.getName());

    private static final MethodHandle CALL_BOXED = find("callBoxed", Object.class, FunctionInstance.class, Object[].class);
    private static final MethodHandle CALL_RAW = find("callRaw", long.class, FunctionInstance.class, long[].class);
    private static final MethodHandle FROM_I32 = find("fromI32", long.class, int.class);
    private static final MethodHandle FROM_F32 = find("fromF32", long.class, float.class);
    private static final MethodHandle FROM_F64 = find("fromF64", long.class, double.class);
    private static final MethodHandle TO_I32 = find("toI32", int.class, long.class);
    private static final MethodHandle TO_F32 = find("toF32", float.class, long.class);
    private static final MethodHandle TO_F64 = find("toF64", double.class, long.class);

    private static MethodHandle find(String name, Class<?> ret, Class<?>... params) {
        try {
            return MethodHandles.lookup().findStatic(JitCalls.class, name, MethodType.methodType(ret, params));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Adapters for functions that are not compiled, one per JVM signature (so the cache is bounded
     * and holds no function): type {@code (FunctionInstance, params...) result}.
     */
    private static final Map<MethodType, MethodHandle> ADAPTERS = new ConcurrentHashMap<>();

    /**
     * The handle calling {@code f}, of type {@code (FunctionInstance, params...) result}: called
     * with {@code f} itself first. For a function of a compiled instance, its method with the
     * context bound (the first argument ignored); for a host function given as a typed Java method,
     * that method; for anything else, an adapter through the raw arrays of
     * {@link FunctionInstance#invoke}: the numbers go in as raw bits (no boxing) when the signature has
     * numbers only and at most one result, else boxed.
     */
    static MethodHandle target(FunctionInstance f) {
        if (f instanceof HostFunction h) {
            MethodHandle d = h.direct() != null ? h.direct() : h.cachedAdapter();
            if (d == null) {
                d = adapter(JvmTypes.handleType(f.funcType()));
                h.cacheAdapter(d);
            }
            return d;
        }
        if (f instanceof WasmFunction w) {
            if (w.tierCode instanceof JitFunction j) {
                return j.target;
            }
            if (w.compiledCode instanceof JitFunction j) {
                return j.target; // Tier.AUTO, once compiled
            }
            if (w.instance().tier() instanceof JitTier tier) {
                return tier.function(w).target;
            }
        }
        return adapter(JvmTypes.handleType(f.funcType()));
    }

    /** The shared adapter for JVM signature {@code type} (see {@link #target}). */
    private static MethodHandle adapter(MethodType type) {
        MethodHandle h = ADAPTERS.get(type);
        if (h == null) {
            h = numbersOnly(type) ? rawAdapter(type) : CALL_BOXED.asCollector(Object[].class, type.parameterCount())
                    .asType(type.insertParameterTypes(0, FunctionInstance.class));
            ADAPTERS.putIfAbsent(type, h);
        }
        return h;
    }

    private static boolean numbersOnly(MethodType type) {
        for (Class<?> p : type.parameterList()) {
            if (!p.isPrimitive()) {
                return false;
            }
        }
        return type.returnType().isPrimitive();
    }

    /** {@link #callRaw} with each argument converted to its raw bits and the result back from them. */
    private static MethodHandle rawAdapter(MethodType type) {
        int n = type.parameterCount();
        MethodHandle h = CALL_RAW.asCollector(long[].class, n);
        for (int i = 0; i < n; i++) {
            Class<?> p = type.parameterType(i);
            MethodHandle to = p == int.class ? FROM_I32 : p == float.class ? FROM_F32 : p == double.class ? FROM_F64 : null;
            if (to != null) {
                h = MethodHandles.filterArguments(h, 1 + i, to);
            }
        }
        Class<?> r = type.returnType();
        MethodHandle from = r == int.class ? TO_I32 : r == float.class ? TO_F32 : r == double.class ? TO_F64 : null;
        if (from != null) {
            h = MethodHandles.filterReturnValue(h, from);
        }
        return h.asType(type.insertParameterTypes(0, FunctionInstance.class));
    }

    /**
     * Calls {@code f} with the raw bits {@code args} of a signature of numbers only; returns the
     * raw bits of its result, if any.
     */
    static long callRaw(FunctionInstance f, long[] args) {
        long[] values = args.length > 0 ? args : new long[1];
        f.invoke(values, new Object[values.length]);
        return values[0];
    }

    private static long fromI32(int v) {
        return v;
    }

    private static long fromF32(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long fromF64(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static int toI32(long v) {
        return (int) v;
    }

    private static float toF32(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static double toF64(long v) {
        return Double.longBitsToDouble(v);
    }

    /** call_indirect's lookup: the function at {@code index} of the table, type-checked. */
    static FunctionInstance indirect(long index, JitContext ctx, int table, int typeIndex) {
        Table t = ctx.tables[table];
        Object v = t.getOrMissing(index, Table.class);
        if (v == Table.class) {
            throw new Trap(Traps.UNDEFINED_ELEMENT);
        }
        if (v == null) {
            throw new Trap(Traps.UNINITIALIZED_ELEMENT + " " + Long.toUnsignedString(index));
        }
        FunctionInstance f = (FunctionInstance) v;
        DefinedType expected = ctx.types[typeIndex];
        if (f.type() != expected && !f.type().isSubtypeOf(expected)) {
            throw new Trap(Traps.INDIRECT_TYPE_MISMATCH);
        }
        return f;
    }

    /** call_ref's operand: a function reference, not null. */
    static FunctionInstance function(Object ref) {
        if (ref == null) {
            throw new Trap(Traps.NULL_FUNCTION);
        }
        return (FunctionInstance) ref;
    }

    /** Calls {@code f} with boxed arguments; returns null, the one boxed result, or an Object[]. */
    static Object callBoxed(FunctionInstance f, Object[] args) {
        FuncType t = f.funcType();
        int n = Math.max(Math.max(t.params().size(), t.results().size()), 1);
        long[] values = new long[n];
        Object[] refs = new Object[n];
        CallArrays.unbox(t.params(), args, values, refs);
        f.invoke(values, refs);
        return fromRaw(t.results(), values, refs);
    }

    /** Raw results to what a compiled function returns: null, one boxed value, or an Object[]. */
    static Object fromRaw(java.util.List<ValType> types, long[] values, Object[] refs) {
        if (types.isEmpty()) {
            return null;
        }
        Object[] out = new Object[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (JvmTypes.kind(types.get(i))) {
                case INT -> (int) values[i];
                case LONG -> values[i];
                case FLOAT -> Float.intBitsToFloat((int) values[i]);
                case DOUBLE -> Double.longBitsToDouble(values[i]);
                default -> refs[i];
            };
        }
        return out.length == 1 ? out[0] : out;
    }
}
