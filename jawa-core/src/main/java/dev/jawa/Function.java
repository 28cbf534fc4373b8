package dev.jawa;

import dev.jawa.runtime.CallArrays;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.V128;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.util.List;

/**
 * A callable WebAssembly (or host) function, as an instance exports it. Three forms of call:
 * {@link #as(Class)} binds it to a Java functional interface (typed, no boxing: the fast way),
 * {@link #call(long...)} takes raw numbers, and {@link #apply(Object...)} boxed Java values.
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

    /** The runtime function behind this one (to define it as another module's import). */
    public FunctionInstance runtime() {
        return function;
    }

    /**
     * Binds the function to a Java functional interface: calling the interface's single abstract
     * method calls the function. The method's types must match the signature exactly: int for
     * i32, long for i64, float for f32, double for f64, any reference type (Object, or
     * {@link V128}) for references and v128; void when there is no result, and
     * {@code Object[]} (boxed values) when there are several. For example
     * {@code IntBinaryOperator add = instance.function("add").as(IntBinaryOperator.class)}.
     *
     * <p>The implementation is a class generated once per interface; calls through it box
     * nothing and allocate nothing. The binding is thread-safe.
     *
     * @throws IllegalArgumentException if {@code type} is not an interface with a single abstract
     *     method, or the method does not match the function's signature (the message names the
     *     expected one)
     */
    public <T> T as(Class<T> type) {
        return FunctionBinding.bind(function, type);
    }

    /**
     * Calls with numeric arguments as raw bits (i32 and i64 as their value, f32 as
     * {@link Float#floatToRawIntBits}, f64 as {@link Double#doubleToRawLongBits}) and returns the
     * results the same way (an i32 result as a sign-extended int). For functions with reference
     * or v128 parameters use {@link #apply(Object...)}.
     *
     * @throws IllegalArgumentException if the number of arguments is wrong or a parameter is a
     *     reference or v128 (the message names the expected signature)
     * @throws Trap if execution traps
     */
    public long[] call(long... args) {
        FuncType t = function.funcType();
        checkArity(args.length);
        int n = Math.max(t.params().size(), t.results().size());
        long[] values = new long[n];
        Object[] refs = new Object[n];
        for (int i = 0; i < args.length; i++) {
            ValType p = t.params().get(i);
            if (!(p instanceof NumType)) {
                throw new IllegalArgumentException("parameter " + i + " is a " + p.text() + ", which call(long...) "
                        + "cannot pass; use apply(Object...) for " + Signatures.text(t));
            }
            values[i] = p == NumType.I32 || p == NumType.F32 ? (int) args[i] : args[i];
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
     * @throws IllegalArgumentException if the arguments do not fit the parameters (the message
     *     names the expected signature)
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
            if (p == NumType.I32 && a instanceof Integer v) {
                values[i] = v;
            } else if (p == NumType.I64 && a instanceof Long v) {
                values[i] = v;
            } else if (p == NumType.F32 && a instanceof Float v) {
                values[i] = Float.floatToRawIntBits(v);
            } else if (p == NumType.F64 && a instanceof Double v) {
                values[i] = Double.doubleToRawLongBits(v);
            } else if (p instanceof NumType || p == dev.jawa.types.VecType.V128 && !(a instanceof V128)) {
                throw new IllegalArgumentException("argument " + i + " is not a " + p.text() + " (a "
                        + Signatures.java(p) + "): " + describe(a) + "; expected " + Signatures.text(t));
            } else {
                refs[i] = a;
            }
        }
        function.invoke(values, refs);
        List<ValType> results = t.results();
        Object[] out = new Object[results.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = CallArrays.box(results.get(i), values[i], refs[i]);
        }
        return out;
    }

    private static String describe(Object a) {
        return a == null ? "null" : a.getClass().getSimpleName() + " " + a;
    }

    private void checkArity(int given) {
        FuncType t = function.funcType();
        int expected = t.params().size();
        if (given != expected) {
            throw new IllegalArgumentException("expected " + expected + " arguments for " + Signatures.text(t)
                    + ", got " + given);
        }
    }

    @Override
    public String toString() {
        return function + " " + Signatures.text(function.funcType());
    }
}
