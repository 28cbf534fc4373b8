package dev.jawa;

import dev.jawa.runtime.CallArrays;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.HostFunction;
import dev.jawa.runtime.HostTypes;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Host functions given as Java functional interfaces ({@link Linker#function(String, String, Class,
 * Object)}): the inverse of {@link FunctionBinding}. The implementation's method becomes two
 * entries of one {@link HostFunction}: a typed method handle that compiled code calls with its
 * JVM-typed arguments (no boxing, no arrays), and raw-array code for the interpreter, built from
 * the same handle with method-handle combinators (so no class is generated per interface).
 */
final class HostBinding {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle WRAP = find("wrap", Object.class, String.class, Throwable.class);
    private static final MethodHandle GET_I32 = find("i32", int.class, long[].class, int.class);
    private static final MethodHandle GET_I64 = find("i64", long.class, long[].class, int.class);
    private static final MethodHandle GET_F32 = find("f32", float.class, long[].class, int.class);
    private static final MethodHandle GET_F64 = find("f64", double.class, long[].class, int.class);
    private static final MethodHandle GET_REF = MethodHandles.arrayElementGetter(Object[].class);
    private static final MethodHandle SET_I32 = find("setI32", void.class, long[].class, int.class);
    private static final MethodHandle SET_I64 = find("setI64", void.class, long[].class, long.class);
    private static final MethodHandle SET_F32 = find("setF32", void.class, long[].class, float.class);
    private static final MethodHandle SET_F64 = find("setF64", void.class, long[].class, double.class);
    private static final MethodHandle SET_REF = find("setRef", void.class, Object[].class, Object.class);
    private static final MethodHandle SET_ALL = find("setAll", void.class, List.class, long[].class,
            Object[].class, Object[].class);

    private HostBinding() {
    }

    /**
     * The host function {@code module.name} calling {@code impl}'s single abstract method, of
     * WebAssembly type {@code type}, or, when {@code type} is null, of the type its Java signature
     * spells (int i32, long i64, float f32, double f64; void or one result).
     *
     * @throws IllegalArgumentException when the interface has no single abstract method, its
     *         signature does not fit {@code type}, or no type is given and it uses other Java types
     */
    static <T> HostFunction create(String module, String name, FuncType type, Class<T> iface, T impl) {
        if (!iface.isInstance(impl)) {
            throw new IllegalArgumentException(impl + " does not implement " + iface.getName());
        }
        Method m = FunctionBinding.singleAbstractMethod(iface);
        FuncType t = type != null ? type : typeOf(m, iface);
        FunctionBinding.check(t, m, iface);
        String function = module + "." + name;
        MethodHandle typed;
        try {
            typed = FunctionBinding.hostLookup(iface).unreflect(m).bindTo(impl).asType(jvmType(m));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot call " + iface.getName() + "." + m.getName() + ": "
                    + e.getMessage(), e);
        }
        MethodHandle guarded = MethodHandles.catchException(typed, Throwable.class, MethodHandles.dropArguments(
                MethodHandles.insertArguments(WRAP, 0, function).asType(
                        MethodType.methodType(typed.type().returnType(), Throwable.class)),
                1, typed.type().parameterList()));
        MethodHandle direct = MethodHandles.dropArguments(guarded, 0, FunctionInstance.class);
        MethodHandle raw = rawArrays(typed, t);
        HostFunction.Code code = (values, refs) -> {
            try {
                raw.invokeExact(values, refs);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new HostException(function, e); // a checked exception the interface declares
            }
        };
        return new HostFunction(HostTypes.of(t), function, code, direct);
    }

    /** The WebAssembly type a numeric Java signature spells. */
    private static FuncType typeOf(Method m, Class<?> iface) {
        List<ValType> params = new ArrayList<>();
        for (Class<?> p : m.getParameterTypes()) {
            params.add(numType(p, m, iface));
        }
        Class<?> r = m.getReturnType();
        List<ValType> results = r == void.class ? List.of() : List.of(numType(r, m, iface));
        return new FuncType(List.copyOf(params), results);
    }

    private static ValType numType(Class<?> c, Method m, Class<?> iface) {
        if (c == int.class) {
            return NumType.I32;
        } else if (c == long.class) {
            return NumType.I64;
        } else if (c == float.class) {
            return NumType.F32;
        } else if (c == double.class) {
            return NumType.F64;
        }
        throw new IllegalArgumentException(iface.getName() + "." + m.getName() + " uses " + c.getSimpleName()
                + ", which names no WebAssembly type by itself: give the function's FuncType");
    }

    /** The method's type with references as Object, as compiled code passes them. */
    private static MethodType jvmType(Method m) {
        Class<?>[] ps = m.getParameterTypes().clone();
        for (int i = 0; i < ps.length; i++) {
            ps[i] = ps[i].isPrimitive() ? ps[i] : Object.class;
        }
        Class<?> r = m.getReturnType();
        return MethodType.methodType(r.isPrimitive() || r == Object[].class ? r : Object.class, ps);
    }

    /** {@code typed} as {@code (long[] values, Object[] refs) void}, results written from slot 0. */
    private static MethodHandle rawArrays(MethodHandle typed, FuncType t) {
        MethodType mt = typed.type();
        int n = mt.parameterCount();
        MethodHandle h = typed;
        for (int i = 0; i < n; i++) {
            h = MethodHandles.filterArguments(h, i, MethodHandles.insertArguments(getter(mt.parameterType(i)), 1, i));
        }
        // h: (long[] or Object[] per parameter) result; the result's store puts its arrays first.
        Class<?> r = mt.returnType();
        int lead;
        if (r == void.class) {
            lead = 0;
        } else if (r == Object[].class) {
            h = MethodHandles.collectArguments(MethodHandles.insertArguments(SET_ALL, 0, t.results()), 2, h);
            lead = 2;
        } else {
            h = MethodHandles.collectArguments(setter(r), 1, h);
            lead = 1;
        }
        int[] reorder = new int[lead + n];
        if (lead == 2) {
            reorder[1] = 1;
        } else if (lead == 1) {
            reorder[0] = r.isPrimitive() ? 0 : 1;
        }
        for (int i = 0; i < n; i++) {
            reorder[lead + i] = mt.parameterType(i).isPrimitive() ? 0 : 1;
        }
        return MethodHandles.permuteArguments(h, MethodType.methodType(void.class, long[].class, Object[].class),
                reorder);
    }

    private static MethodHandle getter(Class<?> c) {
        if (c == int.class) {
            return GET_I32;
        } else if (c == long.class) {
            return GET_I64;
        } else if (c == float.class) {
            return GET_F32;
        } else if (c == double.class) {
            return GET_F64;
        }
        return GET_REF;
    }

    private static MethodHandle setter(Class<?> c) {
        if (c == int.class) {
            return SET_I32;
        } else if (c == long.class) {
            return SET_I64;
        } else if (c == float.class) {
            return SET_F32;
        } else if (c == double.class) {
            return SET_F64;
        }
        return SET_REF;
    }

    private static MethodHandle find(String name, Class<?> ret, Class<?>... params) {
        try {
            return LOOKUP.findStatic(HostBinding.class, name, MethodType.methodType(ret, params));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // ---- the pieces the handles are made of ----

    /** Errors (a stack overflow, say) pass unchanged, as they do through the raw entry. */
    private static Object wrap(String function, Throwable e) {
        if (e instanceof Error err) {
            throw err;
        }
        throw HostFunction.wrap(function, e);
    }

    private static int i32(long[] v, int i) {
        return (int) v[i];
    }

    private static long i64(long[] v, int i) {
        return v[i];
    }

    private static float f32(long[] v, int i) {
        return Float.intBitsToFloat((int) v[i]);
    }

    private static double f64(long[] v, int i) {
        return Double.longBitsToDouble(v[i]);
    }

    private static void setI32(long[] v, int x) {
        v[0] = x;
    }

    private static void setI64(long[] v, long x) {
        v[0] = x;
    }

    private static void setF32(long[] v, float x) {
        v[0] = Float.floatToRawIntBits(x);
    }

    private static void setF64(long[] v, double x) {
        v[0] = Double.doubleToRawLongBits(x);
    }

    private static void setRef(Object[] r, Object x) {
        r[0] = x;
    }

    /** Several results, boxed as {@link Function#apply} returns them, into the raw arrays. */
    private static void setAll(List<ValType> types, long[] v, Object[] r, Object[] results) {
        if (results == null || results.length != types.size()) {
            throw new IllegalStateException("the host function returned " + (results == null ? "null"
                    : results.length + " values") + " for " + types.size() + " results");
        }
        CallArrays.unbox(types, results, v, r);
    }
}
