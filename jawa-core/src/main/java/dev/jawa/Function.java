package dev.jawa;

import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.V128;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.util.List;

/**
 * A callable WebAssembly (or host) function, as an instance exports it. Two forms of call:
 * {@link #call(long...)} with raw numbers, and {@link #apply(Object...)} with boxed Java values.
 * Calls run on the calling thread; a {@link Trap} ends the call.
 */
public final class Function {

    private final FunctionInstance function;

    Function(FunctionInstance function) {
        this.function = function;
    }

    /** The function's signature. */
    public FuncType type() {
        return function.funcType();
    }

    /**
     * Calls with numeric arguments as raw bits (i32 and i64 as their value, f32 as
     * {@link Float#floatToRawIntBits}, f64 as {@link Double#doubleToRawLongBits}) and returns the
     * results the same way (an i32 result as a sign-extended int). For functions with reference
     * or v128 parameters or results use {@link #apply(Object...)}.
     *
     * @throws IllegalArgumentException if the number of arguments is wrong
     * @throws Trap if execution traps
     */
    public long[] call(long... args) {
        FuncType t = function.funcType();
        checkArity(args.length);
        int n = Math.max(t.params().size(), t.results().size());
        long[] values = new long[n];
        Object[] refs = new Object[n];
        for (int i = 0; i < args.length; i++) {
            values[i] = t.params().get(i) == NumType.I32 ? (int) args[i] : args[i];
        }
        function.invoke(values, refs);
        long[] results = new long[t.results().size()];
        System.arraycopy(values, 0, results, 0, results.length);
        return results;
    }

    /**
     * Calls with boxed arguments: {@link Integer} for i32, {@link Long} for i64, {@link Float}
     * for f32, {@link Double} for f64, {@link V128} for v128, and references as they are (null
     * for a null reference). Results come back the same way.
     *
     * @throws IllegalArgumentException if the arguments do not fit the parameters
     * @throws Trap if execution traps
     */
    public Object[] apply(Object... args) {
        FuncType t = function.funcType();
        checkArity(args.length);
        int n = Math.max(t.params().size(), t.results().size());
        long[] values = new long[n];
        Object[] refs = new Object[n];
        List<ValType> params = t.params();
        for (int i = 0; i < args.length; i++) {
            ValType p = params.get(i);
            Object a = args[i];
            try {
                if (p == NumType.I32) {
                    values[i] = (Integer) a;
                } else if (p == NumType.I64) {
                    values[i] = (Long) a;
                } else if (p == NumType.F32) {
                    values[i] = Float.floatToRawIntBits((Float) a);
                } else if (p == NumType.F64) {
                    values[i] = Double.doubleToRawLongBits((Double) a);
                } else {
                    refs[i] = a;
                }
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("argument " + i + " is not a " + p.text() + ": " + a);
            }
        }
        function.invoke(values, refs);
        List<ValType> results = t.results();
        Object[] out = new Object[results.size()];
        for (int i = 0; i < out.length; i++) {
            ValType r = results.get(i);
            if (r == NumType.I32) {
                out[i] = (int) values[i];
            } else if (r == NumType.I64) {
                out[i] = values[i];
            } else if (r == NumType.F32) {
                out[i] = Float.intBitsToFloat((int) values[i]);
            } else if (r == NumType.F64) {
                out[i] = Double.longBitsToDouble(values[i]);
            } else {
                out[i] = refs[i];
            }
        }
        return out;
    }

    private void checkArity(int given) {
        int expected = function.funcType().params().size();
        if (given != expected) {
            throw new IllegalArgumentException("expected " + expected + " arguments, got " + given);
        }
    }
}
