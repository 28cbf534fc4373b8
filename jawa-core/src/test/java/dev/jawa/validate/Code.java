package dev.jawa.validate;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.types.HeapType;
import dev.jawa.types.RefType;
import dev.jawa.types.ValType;

/** A fluent writer of test code: instructions and immediates, ending with {@link #end()}. */
final class Code {

    private final InstructionWriter w = new InstructionWriter();

    static Code of() {
        return new Code();
    }

    /** An opcode followed by u32 immediates (indices, labels, lanes as u32 are not used here). */
    Code op(Opcode op, int... u32s) {
        w.op(op);
        for (int x : u32s) {
            w.u32(x);
        }
        return this;
    }

    Code i32(int v) {
        w.op(Opcode.I32_CONST);
        w.s64(v);
        return this;
    }

    Code i64(long v) {
        w.op(Opcode.I64_CONST);
        w.s64(v);
        return this;
    }

    Code f32() {
        w.op(Opcode.F32_CONST);
        w.fixed32(0);
        return this;
    }

    Code v128() {
        w.op(Opcode.V128_CONST);
        w.fixed64(0);
        w.fixed64(0);
        return this;
    }

    Code block(Opcode op, BlockType bt) {
        w.op(op);
        w.blockType(bt);
        return this;
    }

    Code block(Opcode op) {
        return block(op, BlockType.EMPTY);
    }

    Code block(Opcode op, ValType result) {
        return block(op, new BlockType.Value(result));
    }

    Code mem(Opcode op, int memIndex, int alignLog2, long offset) {
        w.op(op);
        w.memarg(memIndex, alignLog2, offset);
        return this;
    }

    Code lane(Opcode op, int lane) {
        w.op(op);
        w.u8(lane);
        return this;
    }

    Code bytes(int... bs) {
        for (int b : bs) {
            w.u8(b);
        }
        return this;
    }

    Code heap(Opcode op, HeapType h) {
        w.op(op);
        w.heapType(h);
        return this;
    }

    Code selectT(ValType... ts) {
        w.op(Opcode.SELECT_T);
        w.u32(ts.length);
        for (ValType t : ts) {
            w.valType(t);
        }
        return this;
    }

    Code brTable(int def, int... labels) {
        w.op(Opcode.BR_TABLE);
        w.u32(labels.length);
        for (int l : labels) {
            w.u32(l);
        }
        w.u32(def);
        return this;
    }

    Code brOnCast(Opcode op, int label, RefType from, RefType to) {
        w.op(op);
        w.brOnCast(label, from, to);
        return this;
    }

    Code tryTable(BlockType bt, Catch... catches) {
        w.op(Opcode.TRY_TABLE);
        w.blockType(bt);
        w.u32(catches.length);
        for (Catch c : catches) {
            w.catchClause(c);
        }
        return this;
    }

    /** Writes the final {@code end} and returns the expression. */
    Expr end() {
        w.op(Opcode.END);
        return w.toExpr();
    }

    /** The expression as written, without adding an {@code end}. */
    Expr raw() {
        return w.toExpr();
    }
}
