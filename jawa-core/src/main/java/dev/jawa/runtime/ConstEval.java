package dev.jawa.runtime;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;

/**
 * Evaluates constant expressions (global, table and segment initializers, segment offsets)
 * against a partly built instance. Constant expressions are short and branch-free, so a small
 * stack machine over the instruction bytes suffices; no translation is needed.
 */
final class ConstEval {

    /** The value of an expression: raw bits for numbers, the object for references and v128. */
    record Value(long bits, Object ref) {
    }

    private ConstEval() {
    }

    static Value eval(Expr expr, ModuleInstance inst) {
        long[] s = new long[8];
        Object[] r = new Object[8];
        int sp = 0;
        InstructionReader in = expr.reader();
        while (true) {
            Opcode op = in.next();
            if (sp + 1 >= s.length) {
                s = java.util.Arrays.copyOf(s, s.length * 2);
                r = java.util.Arrays.copyOf(r, r.length * 2);
            }
            switch (op) {
                case END -> {
                    return new Value(s[sp - 1], r[sp - 1]);
                }
                case I32_CONST -> s[sp++] = (int) in.bits();
                case I64_CONST, F32_CONST, F64_CONST -> s[sp++] = in.bits();
                case V128_CONST -> r[sp++] = new V128(in.v128Low(), in.v128High());
                case REF_NULL -> r[sp++] = null;
                case REF_FUNC -> r[sp++] = inst.functions[in.index()];
                case GLOBAL_GET -> {
                    Global g = inst.globals[in.index()];
                    s[sp] = g.bits;
                    r[sp++] = g.ref;
                }
                case I32_ADD -> { sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; }
                case I32_SUB -> { sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; }
                case I32_MUL -> { sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; }
                case I64_ADD -> { sp--; s[sp - 1] = s[sp - 1] + s[sp]; }
                case I64_SUB -> { sp--; s[sp - 1] = s[sp - 1] - s[sp]; }
                case I64_MUL -> { sp--; s[sp - 1] = s[sp - 1] * s[sp]; }
                default -> {
                    if (op.prefix() != Opcode.PREFIX_GC) {
                        throw new UnsupportedInstructionException(op);
                    }
                    // struct.new, array.new*, ref.i31, extern conversions: the interpreter's code.
                    int[] imm = dev.jawa.interp.Gc.constImmediates(op, in);
                    sp = dev.jawa.interp.Gc.constExec(inst, s, r, imm, sp);
                }
            }
        }
    }
}
