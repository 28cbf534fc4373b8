package dev.jawa.runtime;

/**
 * The raw value arrays of one call from Java into WebAssembly (see
 * {@link FunctionInstance#invoke}), kept per thread so that calls through generated bindings
 * allocate nothing. Public only because bindings are hidden classes that may live in the
 * binding interface's package; embedders have no use for it.
 *
 * <p>A thread's arrays are lent to one call at a time: a call made while they are lent (a host
 * function calling back into WebAssembly through a binding) gets fresh arrays.
 */
public final class CallArrays {

    private static final ThreadLocal<CallArrays> PER_THREAD = ThreadLocal.withInitial(() -> new CallArrays(8));

    /** Numeric arguments and results, as raw bits. */
    public long[] values;
    /** Reference and v128 arguments and results. */
    public Object[] refs;
    private boolean lent;

    private CallArrays(int slots) {
        values = new long[slots];
        refs = new Object[slots];
    }

    /** This thread's arrays with at least {@code slots} slots, or fresh ones if they are lent. */
    public static CallArrays acquire(int slots) {
        CallArrays a = PER_THREAD.get();
        if (a.lent) {
            CallArrays fresh = new CallArrays(slots);
            fresh.lent = true;
            return fresh;
        }
        if (a.values.length < slots) {
            a.values = new long[slots];
            a.refs = new Object[slots];
        }
        a.lent = true;
        return a;
    }

    /**
     * Calls {@code f} with the arguments in {@code a}; the results replace them. The arrays are
     * given back even if the call throws, and reference slots other than the first result are
     * cleared so that the thread's arrays keep no WebAssembly object alive.
     */
    public static void call(FunctionInstance f, CallArrays a) {
        try {
            f.invoke(a.values, a.refs);
        } finally {
            a.lent = false;
        }
    }

    /** {@link #call}, then clears every reference slot but the first (a reference result). */
    public static void callWithRefs(FunctionInstance f, CallArrays a) {
        try {
            f.invoke(a.values, a.refs);
        } finally {
            a.lent = false;
            java.util.Arrays.fill(a.refs, 1, a.refs.length, null);
        }
    }

    /**
     * The first {@code results.size()} slots as boxed Java values ({@link #box}), every reference
     * slot cleared.
     */
    public Object[] takeResults(java.util.List<dev.jawa.types.ValType> results) {
        Object[] out = new Object[results.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = box(results.get(i), values[i], refs[i]);
        }
        java.util.Arrays.fill(refs, null);
        return out;
    }

    /**
     * A raw value as a Java object: {@link Integer} for i32, {@link Long} for i64, {@link Float}
     * for f32, {@link Double} for f64, the reference (or {@link V128}) itself otherwise.
     */
    public static Object box(dev.jawa.types.ValType t, long bits, Object ref) {
        if (t == dev.jawa.types.NumType.I32) {
            return (int) bits;
        } else if (t == dev.jawa.types.NumType.I64) {
            return bits;
        } else if (t == dev.jawa.types.NumType.F32) {
            return Float.intBitsToFloat((int) bits);
        } else if (t == dev.jawa.types.NumType.F64) {
            return Double.longBitsToDouble(bits);
        }
        return ref;
    }

    /**
     * The inverse of {@link #box}: the boxed values {@code boxed}, of types {@code types}, into
     * {@code values} (numbers as raw bits) and {@code refs} (references and v128) from slot 0.
     *
     * @throws ClassCastException when a value is not of its type's boxed class
     */
    public static void unbox(java.util.List<dev.jawa.types.ValType> types, Object[] boxed, long[] values, Object[] refs) {
        for (int i = 0; i < types.size(); i++) {
            dev.jawa.types.ValType t = types.get(i);
            if (t == dev.jawa.types.NumType.I32) {
                values[i] = (Integer) boxed[i];
            } else if (t == dev.jawa.types.NumType.I64) {
                values[i] = (Long) boxed[i];
            } else if (t == dev.jawa.types.NumType.F32) {
                values[i] = Float.floatToRawIntBits((Float) boxed[i]);
            } else if (t == dev.jawa.types.NumType.F64) {
                values[i] = Double.doubleToRawLongBits((Double) boxed[i]);
            } else {
                refs[i] = boxed[i];
            }
        }
    }

    /** The reference in slot 0, which is cleared. */
    public Object takeRef() {
        Object r = refs[0];
        refs[0] = null;
        return r;
    }
}
