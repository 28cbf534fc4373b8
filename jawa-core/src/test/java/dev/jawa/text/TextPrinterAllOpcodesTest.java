package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
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
import dev.jawa.types.TypeIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One function holding every opcode of the table, each with non-trivial immediates: the printer
 * must print every one (mnemonic and immediates), in text that parses back to the module.
 */
class TextPrinterAllOpcodesTest {

    /** A module whose single function uses every opcode (it is not valid, only well-formed). */
    static Module everyOpcodeModule() {
        InstructionWriter w = new InstructionWriter();
        for (Opcode op : Opcode.values()) {
            write(w, op);
        }
        w.op(Opcode.END);
        return Module.builder()
                .addRecType(RecType.single(SubType.plain(FuncType.EMPTY)))
                .addRecType(RecType.single(SubType.plain(new StructType(List.of(
                        new FieldType(NumType.I32, true), new FieldType(NumType.I64, false))))))
                .addRecType(RecType.single(SubType.plain(new ArrayType(new FieldType(NumType.I32, true)))))
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(NumType.I64), List.of()))))
                .addFunction(new Function(0, List.of(new LocalGroup(2, NumType.I32)), w.toExpr()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), true))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false))
                .addTag(new TagType(0))
                .addGlobal(new Global(new GlobalType(NumType.I32, true), TextPrinterModuleTest.i32Const(0)))
                .addElement(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, new RefType(false, AbsHeapType.FUNC),
                        List.of(TextPrinterModuleTest.refFunc(0))))
                .addData(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[] {1, 2}))
                .hasDataCount(true)
                .build();
    }

    /** Writes {@code op} with sample immediates (blocks get their end, catches their try). */
    static void write(InstructionWriter w, Opcode op) {
        switch (op) {
            case END -> { }
            case ELSE -> {
                // A non-empty else: an empty one is not canonical (the text and binary formats
                // both let it be omitted, and the parser does).
                w.op(Opcode.IF).blockType(BlockType.EMPTY);
                w.op(Opcode.ELSE);
                w.op(Opcode.NOP);
                w.op(Opcode.END);
            }
            case CATCH, CATCH_ALL, DELEGATE -> {
                w.op(Opcode.TRY).blockType(BlockType.EMPTY);
                w.op(op);
                if (op == Opcode.CATCH) {
                    w.u32(0);
                }
                if (op == Opcode.DELEGATE) {
                    w.u32(0);
                } else {
                    w.op(Opcode.END);
                }
            }
            case BLOCK, LOOP, IF, TRY -> {
                w.op(op).blockType(op == Opcode.LOOP ? new BlockType.Func(3) : new BlockType.Value(NumType.I32));
                w.op(Opcode.END);
            }
            case TRY_TABLE -> {
                w.op(op).blockType(BlockType.EMPTY);
                w.u32(4);
                w.catchClause(new Catch(Catch.Kind.CATCH, 0, 0));
                w.catchClause(new Catch(Catch.Kind.CATCH_REF, 0, 0));
                w.catchClause(new Catch(Catch.Kind.CATCH_ALL, 0, 0));
                w.catchClause(new Catch(Catch.Kind.CATCH_ALL_REF, 0, 0));
                w.op(Opcode.END);
            }
            default -> {
                w.op(op);
                immediates(w, op);
            }
        }
    }

    private static void immediates(InstructionWriter w, Opcode op) {
        switch (op.imm()) {
            case NONE -> { }
            case LABEL -> w.u32(0);
            case BR_TABLE -> {
                w.u32(2);
                w.u32(0);
                w.u32(0);
                w.u32(0);
            }
            case FUNC, LOCAL, GLOBAL, TAG, DATA, ELEM -> w.u32(0);
            case TYPE -> w.u32(op == Opcode.CALL_REF || op == Opcode.RETURN_CALL_REF ? 0 : op.mnemonic().startsWith("struct") ? 1 : 2);
            case TABLE -> w.u32(1);
            case MEMORY -> w.u32(1);
            case CALL_INDIRECT -> {
                w.u32(0);
                w.u32(1);
            }
            case MEMORY_INIT, TABLE_INIT -> {
                w.u32(0);
                w.u32(1);
            }
            case MEMORY_COPY, TABLE_COPY -> {
                w.u32(1);
                w.u32(0);
            }
            case MEMARG -> w.memarg(0, 0, 16);
            case MEMARG_LANE -> {
                w.memarg(1, op.naturalAlignLog2(), 0);
                w.u8(1);
            }
            case I32 -> w.s64(-123456);
            case I64 -> w.s64(Long.MIN_VALUE);
            case F32 -> w.fixed32(Float.floatToRawIntBits(-1.5f));
            case F64 -> w.fixed64(Double.doubleToRawLongBits(0.1));
            case V128, SHUFFLE -> {
                w.fixed64(0x0706050403020100L);
                w.fixed64(0x0f0e0d0c0b0a0908L);
            }
            case LANE -> w.u8(1);
            case HEAP_TYPE -> w.heapType(op == Opcode.REF_NULL ? AbsHeapType.EXTERN : TypeIndex.of(1));
            case SELECT_TYPES -> {
                w.u32(1);
                w.valType(NumType.F32);
            }
            case TYPE_FIELD -> {
                w.u32(1);
                w.u32(1);
            }
            case TYPE_TYPE -> {
                w.u32(2);
                w.u32(2);
            }
            case TYPE_COUNT -> {
                w.u32(2);
                w.u32(3);
            }
            case TYPE_DATA, TYPE_ELEM -> {
                w.u32(2);
                w.u32(0);
            }
            case BR_ON_CAST -> w.brOnCast(0, RefType.ANYREF, new RefType(false, TypeIndex.of(1)));
            case ATOMIC_FENCE -> w.u8(0);
            case BLOCK_TYPE, TRY_TABLE -> throw new AssertionError("structured: " + op);
        }
    }

    @Test
    void everyMnemonicIsPrinted() {
        String text = TextPrinterModuleTest.printed(everyOpcodeModule());
        for (Opcode op : Opcode.values()) {
            assertTrue(text.contains("\n    " + op.mnemonic()) || text.contains("\n      " + op.mnemonic()),
                    () -> op + " missing in\n" + text);
        }
    }
}
