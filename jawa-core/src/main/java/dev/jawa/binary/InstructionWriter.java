package dev.jawa.binary;

import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.types.RefType;
import dev.jawa.types.ValType;

/**
 * Writes instructions in canonical binary form: the text parser emits code through it, and the
 * decoder re-emits non-canonical input through {@link #copy(InstructionReader)}.
 *
 * <p>Each instruction is an {@link #op(Opcode)} followed by the immediate writes its
 * {@link Opcode.Imm} layout calls for, in binary order.
 */
public final class InstructionWriter extends ByteWriter {

    public InstructionWriter() {
        super(256);
    }

    public InstructionWriter(int capacity) {
        super(capacity);
    }

    /** The opcode (with its prefix for multi-byte opcodes). */
    public InstructionWriter op(Opcode op) {
        if (op.prefix() != 0) {
            u8(op.prefix());
            u32(op.code());
        } else {
            u8(op.code());
        }
        return this;
    }

    /** A block type immediate. */
    public InstructionWriter blockType(BlockType bt) {
        switch (bt) {
            case BlockType.Empty e -> u8(0x40);
            case BlockType.Value v -> valType(v.type());
            case BlockType.Func f -> s64(f.typeIndex());
        }
        return this;
    }

    /** A memarg immediate: alignment flags (with the memory index if not 0) and offset. */
    public InstructionWriter memarg(int memIndex, int alignLog2, long offset) {
        if (memIndex != 0) {
            u32(alignLog2 | 0x40);
            u32(memIndex);
        } else {
            u32(alignLog2);
        }
        u64(offset);
        return this;
    }

    /** A catch clause of try_table. */
    public InstructionWriter catchClause(Catch c) {
        u8(c.kind().ordinal());
        if (c.kind().hasTag()) {
            u32(c.tag());
        }
        u32(c.label());
        return this;
    }

    /** br_on_cast's flags, label and heap types. */
    public InstructionWriter brOnCast(int label, RefType from, RefType to) {
        u8((from.nullable() ? 1 : 0) | (to.nullable() ? 2 : 0));
        u32(label);
        heapType(from.heapType());
        heapType(to.heapType());
        return this;
    }

    /** Writes the instruction {@code r} last read, canonically. */
    public InstructionWriter copy(InstructionReader r) {
        Opcode o = r.opcode();
        op(o);
        switch (o.imm()) {
            case NONE -> { }
            case BLOCK_TYPE -> blockType(r.blockType());
            case TRY_TABLE -> {
                blockType(r.blockType());
                u32(r.catches().length);
                for (Catch c : r.catches()) {
                    catchClause(c);
                }
            }
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM -> u32(r.index());
            case BR_TABLE -> {
                u32(r.labels().length);
                for (int l : r.labels()) {
                    u32(l);
                }
                u32(r.index());
            }
            case CALL_INDIRECT, MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY, TYPE_FIELD, TYPE_TYPE,
                 TYPE_COUNT, TYPE_DATA, TYPE_ELEM -> {
                u32(r.index());
                u32(r.index2());
            }
            case MEMARG -> memarg(r.memIndex(), r.alignLog2(), r.memOffset());
            case MEMARG_LANE -> {
                memarg(r.memIndex(), r.alignLog2(), r.memOffset());
                u8(r.index());
            }
            case I32, I64 -> s64(r.bits());
            case F32 -> fixed32((int) r.bits());
            case F64 -> fixed64(r.bits());
            case V128, SHUFFLE -> {
                fixed64(r.v128Low());
                fixed64(r.v128High());
            }
            case LANE -> u8(r.index());
            case HEAP_TYPE -> heapType(r.heapType());
            case SELECT_TYPES -> {
                u32(r.types().length);
                for (ValType t : r.types()) {
                    valType(t);
                }
            }
            case BR_ON_CAST -> brOnCast(r.index(), r.refType1(), r.refType2());
            case ATOMIC_FENCE -> u8(0);
        }
        return this;
    }

    /** The code written so far as an expression (the caller has written the final end). */
    public Expr toExpr() {
        return Expr.ofCanonical(toByteArray());
    }
}
