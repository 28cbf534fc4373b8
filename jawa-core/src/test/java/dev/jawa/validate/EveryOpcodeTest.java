package dev.jawa.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.InvalidModuleException;
import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every opcode of the table has a typing rule: in unreachable code, with all-zero immediates in a
 * module where index 0 of everything exists, each one either validates or is rejected as invalid,
 * never with another exception.
 */
class EveryOpcodeTest {

    private static Module moduleWith(byte[] body) {
        InstructionWriter w = new InstructionWriter();
        w.bytes(body);
        return Module.builder()
                .addRecType(RecType.single(SubType.plain(FuncType.EMPTY)))
                .addRecType(RecType.single(SubType.plain(new StructType(List.of(new FieldType(NumType.I32, true))))))
                .addRecType(RecType.single(SubType.plain(new ArrayType(new FieldType(NumType.I32, true)))))
                .addMemory(new MemoryType(AddressType.I32, Limits.between(1, 1), true))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addTag(new TagType(0))
                .addGlobal(new Global(new GlobalType(NumType.I32, true), Code.of().i32(0).end()))
                .addFunction(new Function(0, List.of(new LocalGroup(1, NumType.I32)), w.toExpr()))
                .addExport(new Export("f", ExternKind.FUNC, 0))
                .addElement(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.FUNCREF, List.of()))
                .addData(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[1])).hasDataCount(true)
                .build();
    }

    private static void zeroImmediates(InstructionWriter w, Opcode op) {
        switch (op.imm()) {
            case NONE -> { }
            case BLOCK_TYPE -> w.blockType(BlockType.EMPTY);
            case TRY_TABLE -> {
                w.blockType(BlockType.EMPTY);
                w.u32(0);
            }
            case BR_TABLE -> {
                w.u32(0);
                w.u32(0);
            }
            case MEMARG -> w.memarg(0, op.naturalAlignLog2(), 0);
            case MEMARG_LANE -> {
                w.memarg(0, op.naturalAlignLog2(), 0);
                w.u8(0);
            }
            case I32, I64 -> w.s64(0);
            case F32 -> w.fixed32(0);
            case F64 -> w.fixed64(0);
            case V128, SHUFFLE -> {
                w.fixed64(0);
                w.fixed64(0);
            }
            case LANE, ATOMIC_FENCE -> w.u8(0);
            case HEAP_TYPE -> w.heapType(AbsHeapType.FUNC);
            case SELECT_TYPES -> {
                w.u32(1);
                w.valType(NumType.I32);
            }
            case BR_ON_CAST -> w.brOnCast(0, RefType.ANYREF, RefType.EQREF);
            case CALL_INDIRECT, MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY, TYPE_FIELD, TYPE_TYPE,
                 TYPE_COUNT, TYPE_DATA, TYPE_ELEM -> {
                w.u32(0);
                w.u32(0);
            }
            default -> w.u32(0);
        }
    }

    @Test
    void everyOpcodeIsTypedOrRejectedCleanly() {
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            InstructionWriter w = new InstructionWriter();
            // The type indices used by GC instructions: 1 is the struct, 2 the array.
            w.op(Opcode.BLOCK);
            w.blockType(BlockType.EMPTY);
            w.op(Opcode.UNREACHABLE);
            w.op(op);
            if (op.imm() == Opcode.Imm.TYPE || op.imm() == Opcode.Imm.TYPE_FIELD || op.imm() == Opcode.Imm.TYPE_COUNT
                    || op.imm() == Opcode.Imm.TYPE_DATA || op.imm() == Opcode.Imm.TYPE_ELEM
                    || op.imm() == Opcode.Imm.TYPE_TYPE) {
                w.u32(op.mnemonic().startsWith("struct") ? 1 : op.mnemonic().startsWith("array") ? 2 : 0);
                if (op.imm() != Opcode.Imm.TYPE) {
                    w.u32(op.imm() == Opcode.Imm.TYPE_TYPE ? 2 : 0);
                }
            } else {
                zeroImmediates(w, op);
            }
            boolean opens = op.imm() == Opcode.Imm.BLOCK_TYPE || op.imm() == Opcode.Imm.TRY_TABLE;
            if (opens) {
                w.op(Opcode.END);
            }
            w.op(Opcode.UNREACHABLE); // whatever the instruction left is dropped by polymorphism
            w.op(Opcode.END);
            w.op(Opcode.END);
            try {
                Validator.validate(moduleWith(w.toByteArray()));
                accepted.add(op.mnemonic());
            } catch (InvalidModuleException e) {
                rejected.add(op.mnemonic() + ": " + e.reason());
            }
        }
        // Almost everything is valid in unreachable code; the structural ones are not.
        assertTrue(accepted.size() == Opcode.values().length - 15, () -> "rejected " + rejected);
    }
}
