package dev.jawa.jit;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Calls from one generated class into another of the same module (see {@link ClassSplit}).
 *
 * <p>A hidden class cannot be named in another class's constant pool, so a call into another
 * class cannot be an invokestatic. Instead the calling class gets, per function it calls
 * elsewhere, a static final {@link MethodHandle} field {@code l<index>} holding that function's
 * method, and a small static method of the same name and signature as the callee's that calls the
 * handle with invokeExact; the call site is an invokestatic of that stub. HotSpot treats static
 * final fields as constants, so once compiled the stub and the callee inline like a direct call.
 * The fields are set by the class's static initializer (run on the first call into the class): it
 * asks {@link #resolve} for the handles, and resolve finds the callees through this object, the
 * class's class data. A callee whose class is not made yet gets a call site that makes it on the
 * first call (see {@link ModuleCode#link}), so classes are compiled as calls reach them.
 *
 * <p>Class files of version 49 cannot load method handle constants or use invokedynamic (see
 * {@link JitClassFile}), which is why the handles come through the initializer.
 */
final class ClassLinks {

    static final ClassDesc CD = ClassDesc.of(ClassLinks.class.getName());
    private static final ClassDesc CD_METHOD_HANDLE = ClassDesc.of(MethodHandle.class.getName());
    private static final ClassDesc CD_LOOKUP = ClassDesc.of(MethodHandles.Lookup.class.getName());

    /** The functions (module indices) the class calls in other classes, in field order. */
    private final int[] callees;
    /** Their JVM method types. */
    private final MethodType[] types;
    /** The module's code, which finds (or makes) the callees' classes. */
    private final ModuleCode code;

    ClassLinks(ModuleCode code, int[] callees, MethodType[] types) {
        this.code = code;
        this.callees = callees;
        this.types = types;
    }

    /** The name of the link field and stub for function {@code funcIndex}. */
    static String name(int funcIndex) {
        return "l" + funcIndex;
    }

    /**
     * Called by a generated class's static initializer with its own lookup: the handles of its
     * links, in the order of its {@link #callees}.
     */
    static MethodHandle[] resolve(MethodHandles.Lookup caller) throws IllegalAccessException {
        ClassLinks links = MethodHandles.classData(caller, ConstantDescs.DEFAULT_NAME, ClassLinks.class);
        MethodHandle[] out = new MethodHandle[links.callees.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = links.code.link(links.callees[i], links.types[i]);
        }
        return out;
    }

    /**
     * Adds to the class being built the fields, stubs and static initializer for {@code links}
     * (callee index to its method descriptor, in field order); nothing if there are none.
     */
    static void emit(ClassBuilder clb, ClassDesc self, Map<Integer, MethodTypeDesc> links) {
        if (links.isEmpty()) {
            return;
        }
        for (Map.Entry<Integer, MethodTypeDesc> e : links.entrySet()) {
            String name = name(e.getKey());
            clb.withField(name, CD_METHOD_HANDLE, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_FINAL);
            MethodTypeDesc desc = e.getValue();
            clb.withMethodBody(name, desc, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, cb -> stub(cb, self, name, desc));
        }
        clb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, cb -> {
            cb.invokestatic(ClassDesc.of(MethodHandles.class.getName()), "lookup", MethodTypeDesc.of(CD_LOOKUP));
            cb.invokestatic(CD, "resolve", MethodTypeDesc.of(CD_METHOD_HANDLE.arrayType(), CD_LOOKUP));
            int i = 0;
            for (Integer callee : links.keySet()) {
                cb.dup();
                cb.loadConstant(i++);
                cb.aaload();
                cb.putstatic(self, name(callee), CD_METHOD_HANDLE);
            }
            cb.pop();
            cb.return_();
        });
    }

    /** The stub: loads the handle, passes the arguments on, returns the result. */
    private static void stub(CodeBuilder cb, ClassDesc self, String field, MethodTypeDesc desc) {
        cb.getstatic(self, field, CD_METHOD_HANDLE);
        int slot = 0;
        for (int i = 0; i < desc.parameterCount(); i++) {
            TypeKind k = TypeKind.from(desc.parameterType(i));
            cb.loadLocal(k, slot);
            slot += k.slotSize();
        }
        cb.invokevirtual(CD_METHOD_HANDLE, "invokeExact", desc);
        cb.return_(TypeKind.from(desc.returnType()));
    }
}
