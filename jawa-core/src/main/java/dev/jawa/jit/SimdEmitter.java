package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.UnsupportedInstructionException;
import dev.jawa.types.AddressType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SIMD (v128) instructions, fixed-width and relaxed. A v128 is a {@link dev.jawa.runtime.V128}
 * typed Object on the JVM stack and in locals (see {@link JvmTypes}).
 *
 * <p>Every instruction becomes one invokestatic of a small static method named after the opcode
 * ({@code i32x4.add} calls {@code i32x4_add}), which HotSpot inlines: the operands in stack order
 * (v128 as Object, addresses as int or long by the memory's address type), then the immediates
 * (a memarg as the offset and the Memory, then the lane for the lane forms; a lane index as an
 * int; a v128 constant or shuffle pattern as two longs). The methods live in {@link SimdLanes}
 * (constants, lanes, shuffles, bitwise), {@link SimdMemory}, {@link SimdArith} (the hottest
 * arithmetic, on the two longs directly), {@link SimdInts}, {@link SimdFloats} and
 * {@link SimdWiden} (width changes and the relaxed instructions); which class has a method is
 * looked up once by reflection, so an instruction is compiled by writing its method. Every SIMD
 * instruction has one (JitSimdTest checks that, and checks the helpers against the
 * interpreter's operators).
 */
final class SimdEmitter implements InstructionFamily {

    private static final Class<?>[] HELPERS = {SimdLanes.class, SimdMemory.class, SimdArith.class, SimdInts.class, SimdFloats.class, SimdWiden.class};
    /** "name descriptor" of every direct helper, to its class. */
    private static final Map<String, ClassDesc> DIRECT = new HashMap<>();
    /** The names of the direct helpers. */
    private static final Set<String> DIRECT_NAMES = new HashSet<>();
    private static final ClassDesc I = ConstantDescs.CD_int;
    private static final ClassDesc J = ConstantDescs.CD_long;

    static {
        for (Class<?> c : HELPERS) {
            ClassDesc owner = ClassDesc.of(c.getName());
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())) {
                    String desc = MethodTypeDesc.of(classDesc(m.getReturnType()), classDescs(m.getParameterTypes())).descriptorString();
                    DIRECT.put(m.getName() + " " + desc, owner);
                    DIRECT_NAMES.add(m.getName());
                }
            }
        }
    }

    private static ClassDesc classDesc(Class<?> c) {
        return c.describeConstable().orElseThrow();
    }

    private static ClassDesc[] classDescs(Class<?>[] cs) {
        ClassDesc[] out = new ClassDesc[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = classDesc(cs[i]);
        }
        return out;
    }

    static boolean owns(Opcode op) {
        return op.prefix() == Opcode.PREFIX_SIMD;
    }

    /** The name of {@code op}'s direct helper method. */
    static String helperName(Opcode op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Throws if this family cannot compile {@code op} (used for instructions in dead code too). */
    static void checkSupported(Opcode op) {
        if (owns(op) && !DIRECT_NAMES.contains(helperName(op))) {
            throw new UnsupportedInstructionException(op);
        }
    }

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        if (!owns(op)) {
            return false;
        }
        checkSupported(op);
        CodeBuilder cb = fc.cb;
        String sig = op.stack();
        int arrow = sig.indexOf('>');
        boolean memory = op.imm() == Opcode.Imm.MEMARG || op.imm() == Opcode.Imm.MEMARG_LANE;
        boolean addr64 = memory && fc.wasm.memoryTypes().get(in.memIndex()).addressType() == AddressType.I64;
        ClassDesc[] params = new ClassDesc[arrow + immediateCount(op.imm())];
        for (int i = 0; i < arrow; i++) {
            char c = sig.charAt(i);
            params[i] = c == 'a' ? (addr64 ? J : I) : desc(c);
        }
        int p = arrow;
        switch (op.imm()) {
            case V128, SHUFFLE -> {
                cb.loadConstant(in.v128Low());
                cb.loadConstant(in.v128High());
                params[p++] = J;
                params[p++] = J;
            }
            case LANE -> {
                cb.loadConstant(in.index());
                params[p++] = I;
            }
            case MEMARG, MEMARG_LANE -> {
                cb.loadConstant(in.memOffset());
                MemoryEmitter.loadMemory(fc, in.memIndex());
                params[p++] = J;
                params[p++] = MemoryEmitter.CD_MEMORY;
                if (op.imm() == Opcode.Imm.MEMARG_LANE) {
                    cb.loadConstant(in.index());
                    params[p++] = I;
                }
            }
            default -> {
            }
        }
        ClassDesc result = arrow == sig.length() - 1 ? ConstantDescs.CD_void : desc(sig.charAt(sig.length() - 1));
        MethodTypeDesc type = MethodTypeDesc.of(result, params);
        ClassDesc owner = DIRECT.get(helperName(op) + " " + type.descriptorString());
        if (owner == null) {
            // A helper of that name with other parameters: a bug of this family, not of the input.
            throw new IllegalStateException("no SIMD helper " + helperName(op) + type.descriptorString());
        }
        cb.invokestatic(owner, helperName(op), type);
        for (int i = 0; i < arrow; i++) {
            fc.pop();
        }
        if (result != ConstantDescs.CD_void) {
            fc.push(kind(sig.charAt(sig.length() - 1)));
        }
        return true;
    }

    private static int immediateCount(Opcode.Imm imm) {
        return switch (imm) {
            case V128, SHUFFLE, MEMARG -> 2;
            case LANE -> 1;
            case MEMARG_LANE -> 3;
            default -> 0;
        };
    }

    private static ClassDesc desc(char c) {
        return JvmTypes.desc(kind(c));
    }

    private static TypeKind kind(char c) {
        return switch (c) {
            case 'i' -> TypeKind.INT;
            case 'l' -> TypeKind.LONG;
            case 'f' -> TypeKind.FLOAT;
            case 'd' -> TypeKind.DOUBLE;
            default -> TypeKind.REFERENCE;
        };
    }
}
