package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.FunctionInstance;
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

    private static final MethodHandle CALL_BOXED;

    static {
        try {
            CALL_BOXED = MethodHandles.lookup().findStatic(JitCalls.class, "callBoxed",
                    MethodType.methodType(Object.class, FunctionInstance.class, Object[].class));
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
     * context bound (the first argument ignored); for anything else, the boxing adapter.
     */
    static MethodHandle target(FunctionInstance f) {
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
        MethodType type = JvmTypes.handleType(f.funcType());
        MethodHandle h = ADAPTERS.get(type);
        if (h == null) {
            h = CALL_BOXED.asCollector(Object[].class, type.parameterCount())
                    .asType(type.insertParameterTypes(0, FunctionInstance.class));
            ADAPTERS.putIfAbsent(type, h);
        }
        return h;
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
        toRaw(t.params(), args, values, refs);
        f.invoke(values, refs);
        return fromRaw(t.results(), values, refs);
    }

    /** Boxed values (Integer, Long, Float, Double, or references) to the raw arrays. */
    static void toRaw(java.util.List<ValType> types, Object[] args, long[] values, Object[] refs) {
        for (int i = 0; i < types.size(); i++) {
            switch (JvmTypes.kind(types.get(i))) {
                case INT -> values[i] = (Integer) args[i];
                case LONG -> values[i] = (Long) args[i];
                case FLOAT -> values[i] = Float.floatToRawIntBits((Float) args[i]);
                case DOUBLE -> values[i] = Double.doubleToRawLongBits((Double) args[i]);
                default -> refs[i] = args[i];
            }
        }
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
