package dev.jawa;

import dev.jawa.runtime.CallArrays;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Binds a WebAssembly function to a Java functional interface by generating, once per
 * interface, a hidden class that implements the interface's method: it stores the primitive
 * arguments straight into the thread's {@link CallArrays} and reads the result back, so a call
 * through the binding boxes nothing and allocates nothing.
 *
 * <p>The Java types must match the WebAssembly signature: int for i32, long for i64, float for
 * f32, double for f64, any reference type for references and v128; void for no result, and for
 * several results {@code Object[]} (boxed, as by {@link Function#apply}). The generated code
 * depends on the interface alone (a reference of any WebAssembly type goes into the same slot),
 * which is why one class per interface serves every function bound to it.
 */
final class FunctionBinding {

    private static final ClassDesc CD_FUNCTION_INSTANCE = desc(FunctionInstance.class);
    private static final ClassDesc CD_CALL_ARRAYS = desc(CallArrays.class);
    private static final ClassDesc CD_FUNC_TYPE = desc(FuncType.class);
    private static final ClassDesc CD_LIST = desc(List.class);

    /** Per interface: the generated class's constructor, {@code (FunctionInstance, int slots)}. */
    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return generate(type, singleAbstractMethod(type));
        }
    };

    private FunctionBinding() {
    }

    static <T> T bind(FunctionInstance f, Class<T> type) {
        Method m = singleAbstractMethod(type);
        check(f.funcType(), m, type);
        int slots = Math.max(Math.max(f.funcType().params().size(), f.funcType().results().size()), 1);
        try {
            return type.cast((Object) CONSTRUCTORS.get(type).invoke(f, slots));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a binding for " + type.getName(), e);
        }
    }

    /** Throws IllegalArgumentException, naming the expected signature, unless {@code m} fits {@code t}. */
    static void check(FuncType t, Method m, Class<?> type) {
        Class<?>[] ps = m.getParameterTypes();
        boolean ok = ps.length == t.params().size();
        for (int i = 0; ok && i < ps.length; i++) {
            ok = fits(t.params().get(i), ps[i]);
        }
        Class<?> ret = m.getReturnType();
        List<ValType> results = t.results();
        ok = ok && (results.isEmpty() ? ret == void.class
                : ret == Object[].class || results.size() == 1 && fits(results.get(0), ret));
        if (!ok) {
            throw new IllegalArgumentException(type.getName() + "." + m.getName() + " " + javaSignature(m)
                    + " does not match the function's type " + Signatures.text(t) + ": expected "
                    + Signatures.java(t));
        }
    }

    private static boolean fits(ValType v, Class<?> c) {
        if (v == NumType.I32) {
            return c == int.class;
        } else if (v == NumType.I64) {
            return c == long.class;
        } else if (v == NumType.F32) {
            return c == float.class;
        } else if (v == NumType.F64) {
            return c == double.class;
        }
        return !c.isPrimitive();
    }

    private static String javaSignature(Method m) {
        StringBuilder sb = new StringBuilder("(");
        Class<?>[] ps = m.getParameterTypes();
        for (int i = 0; i < ps.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
        }
        return sb.append(") -> ").append(m.getReturnType().getSimpleName()).toString();
    }

    static Method singleAbstractMethod(Class<?> type) {
        if (!type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface");
        }
        Method found = null;
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                if (found != null && !sameSignature(found, m)) {
                    throw new IllegalArgumentException(type.getName() + " has more than one abstract method");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(type.getName() + " has no abstract method");
        }
        return found;
    }

    /** Object's public methods re-declared in an interface (Comparator.equals) are not its function. */
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes())
                && a.getReturnType() == b.getReturnType();
    }

    /** Defines the hidden class for {@code type} and returns its constructor. */
    private static MethodHandle generate(Class<?> type, Method m) {
        MethodHandles.Lookup host = hostLookup(type);
        String pkg = host.lookupClass().getPackageName();
        ClassDesc self = ClassDesc.of((pkg.isEmpty() ? "" : pkg + ".") + "JawaBinding");
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(desc(type));
            cb.withField("f", CD_FUNCTION_INSTANCE, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            cb.withField("slots", ConstantDescs.CD_int, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            cb.withMethodBody(ConstantDescs.INIT_NAME,
                    MethodTypeDesc.of(ConstantDescs.CD_void, CD_FUNCTION_INSTANCE, ConstantDescs.CD_int),
                    ClassFile.ACC_PUBLIC, code -> code
                            .aload(0)
                            .invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void)
                            .aload(0).aload(1).putfield(self, "f", CD_FUNCTION_INSTANCE)
                            .aload(0).iload(2).putfield(self, "slots", ConstantDescs.CD_int)
                            .return_());
            cb.withMethodBody(m.getName(), methodDesc(m), ClassFile.ACC_PUBLIC, code -> body(code, self, m));
            cb.withMethodBody("toString", MethodTypeDesc.of(ConstantDescs.CD_String), ClassFile.ACC_PUBLIC,
                    code -> code.ldc("WebAssembly function bound to " + type.getName()).areturn());
        });
        try {
            Class<?> c = host.defineHiddenClass(bytes, true).lookupClass();
            return host.in(c).findConstructor(c, MethodType.methodType(void.class, FunctionInstance.class, int.class))
                    .asType(MethodType.methodType(Object.class, FunctionInstance.class, int.class));
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalArgumentException("cannot implement " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the binding class lives: next to this class when the interface is public in an
     * exported package (java.util.function's, say), else in the interface's own package, so that
     * package-private interfaces can be bound too.
     */
    static MethodHandles.Lookup hostLookup(Class<?> type) {
        MethodHandles.Lookup own = MethodHandles.lookup();
        boolean visible = Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(type.getPackageName());
        for (Class<?> c = type.getEnclosingClass(); visible && c != null; c = c.getEnclosingClass()) {
            visible = Modifier.isPublic(c.getModifiers());
        }
        if (visible) {
            return own;
        }
        try {
            FunctionBinding.class.getModule().addReads(type.getModule());
            return MethodHandles.privateLookupIn(type, own);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(type.getName() + " is not accessible to Jawa: make it public or open "
                    + "its package to Jawa", e);
        }
    }

    /**
     * The interface method: arguments into the call arrays, the call, the result out of them.
     * Local 0 is this, the arguments follow; the call arrays go in the first local after them.
     */
    private static void body(CodeBuilder code, ClassDesc self, Method m) {
        Class<?>[] ps = m.getParameterTypes();
        int arraysSlot = 1;
        boolean refs = false;
        for (Class<?> p : ps) {
            arraysSlot += p == long.class || p == double.class ? 2 : 1;
            refs |= !p.isPrimitive();
        }
        Class<?> ret = m.getReturnType();
        refs |= !ret.isPrimitive();
        code.aload(0).getfield(self, "slots", ConstantDescs.CD_int)
                .invokestatic(CD_CALL_ARRAYS, "acquire", MethodTypeDesc.of(CD_CALL_ARRAYS, ConstantDescs.CD_int))
                .astore(arraysSlot);
        int local = 1;
        for (int i = 0; i < ps.length; i++) {
            Class<?> p = ps[i];
            code.aload(arraysSlot);
            if (p.isPrimitive()) {
                code.getfield(CD_CALL_ARRAYS, "values", desc(long[].class)).loadConstant(i);
                if (p == int.class) {
                    code.iload(local).i2l();
                } else if (p == long.class) {
                    code.lload(local);
                } else if (p == float.class) {
                    code.fload(local).invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits",
                            MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float)).i2l();
                } else {
                    code.dload(local).invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits",
                            MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double));
                }
                code.lastore();
            } else {
                code.getfield(CD_CALL_ARRAYS, "refs", desc(Object[].class)).loadConstant(i).aload(local).aastore();
            }
            local += p == long.class || p == double.class ? 2 : 1;
        }
        code.aload(0).getfield(self, "f", CD_FUNCTION_INSTANCE).aload(arraysSlot)
                .invokestatic(CD_CALL_ARRAYS, refs ? "callWithRefs" : "call",
                        MethodTypeDesc.of(ConstantDescs.CD_void, CD_FUNCTION_INSTANCE, CD_CALL_ARRAYS));
        if (ret == void.class) {
            code.return_();
            return;
        }
        if (ret == Object[].class) {
            code.aload(arraysSlot).aload(0).getfield(self, "f", CD_FUNCTION_INSTANCE)
                    .invokevirtual(CD_FUNCTION_INSTANCE, "funcType", MethodTypeDesc.of(CD_FUNC_TYPE))
                    .invokevirtual(CD_FUNC_TYPE, "results", MethodTypeDesc.of(CD_LIST))
                    .invokevirtual(CD_CALL_ARRAYS, "takeResults", MethodTypeDesc.of(desc(Object[].class), CD_LIST))
                    .areturn();
            return;
        }
        if (!ret.isPrimitive()) {
            code.aload(arraysSlot).invokevirtual(CD_CALL_ARRAYS, "takeRef", MethodTypeDesc.of(ConstantDescs.CD_Object));
            if (ret != Object.class) {
                code.checkcast(desc(ret));
            }
            code.areturn();
            return;
        }
        code.aload(arraysSlot).getfield(CD_CALL_ARRAYS, "values", desc(long[].class)).iconst_0().laload();
        if (ret == int.class) {
            code.l2i().ireturn();
        } else if (ret == long.class) {
            code.lreturn();
        } else if (ret == float.class) {
            code.l2i().invokestatic(ConstantDescs.CD_Float, "intBitsToFloat",
                    MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int)).freturn();
        } else {
            code.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble",
                    MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long)).dreturn();
        }
    }

    private static MethodTypeDesc methodDesc(Method m) {
        Class<?>[] ps = m.getParameterTypes();
        ClassDesc[] descs = new ClassDesc[ps.length];
        for (int i = 0; i < ps.length; i++) {
            descs[i] = desc(ps[i]);
        }
        return MethodTypeDesc.of(desc(m.getReturnType()), descs);
    }

    private static ClassDesc desc(Class<?> c) {
        return c.describeConstable().orElseThrow(() -> new IllegalArgumentException("cannot describe " + c));
    }
}
