package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.types.NumType.I64;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;

import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.RefType;
import dev.jawa.types.TableType;
import dev.jawa.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memories (memory64, multiple, shared), atomics, tables of any reference type, SIMD lanes. */
class MemoryTableSimdTest {

    private static final MemoryType MEM32 = new MemoryType(AddressType.I32, Limits.atLeast(1), false);
    private static final MemoryType MEM64 = new MemoryType(AddressType.I64, Limits.atLeast(1), false);
    private static final MemoryType SHARED = new MemoryType(AddressType.I32, Limits.between(1, 2), true);

    private static Module withMemories(List<ValType> results, Expr body, MemoryType... mems) {
        Module.Builder b = Modules.withType(new FuncType(List.of(), results));
        for (MemoryType m : mems) {
            b.addMemory(m);
        }
        return b.addFunction(new Function(0, List.of(), body)).build();
    }

    @Test
    void loadsNeedAMemoryAndAtMostNaturalAlignment() {
        valid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 0, 2, 0).end(), MEM32));
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 0, 2, 0).end()), "unknown memory");
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 0, 3, 0).end(), MEM32),
                "alignment must not be larger than natural");
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD8_U, 0, 1, 0).end(), MEM32),
                "alignment must not be larger than natural");
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 0, 2, 1L << 32).end(), MEM32),
                "offset out of range");
    }

    @Test
    void memory64UsesI64AddressesAndLargeOffsets() {
        valid(withMemories(List.of(I32), Code.of().i64(0).mem(I32_LOAD, 0, 2, 1L << 40).end(), MEM64));
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 0, 2, 0).end(), MEM64), "type mismatch");
        valid(withMemories(List.of(I64), Code.of().op(MEMORY_SIZE, 0).end(), MEM64));
        invalid(withMemories(List.of(I32), Code.of().op(MEMORY_SIZE, 0).end(), MEM64), "type mismatch");
        // memory.copy between a 64-bit and a 32-bit memory takes an i32 length
        valid(withMemories(List.of(), Code.of().i64(0).i32(0).i32(0).op(MEMORY_COPY, 0, 1).end(), MEM64, MEM32));
        invalid(withMemories(List.of(), Code.of().i64(0).i32(0).i64(0).op(MEMORY_COPY, 0, 1).end(), MEM64, MEM32),
                "type mismatch");
    }

    @Test
    void multipleMemoriesAreAddressedByIndex() {
        valid(withMemories(List.of(I32), Code.of().i64(0).mem(I32_LOAD, 1, 2, 0).end(), MEM32, MEM64));
        invalid(withMemories(List.of(I32), Code.of().i32(0).mem(I32_LOAD, 2, 2, 0).end(), MEM32, MEM64),
                "unknown memory 2");
    }

    @Test
    void atomicsNeedExactlyNaturalAlignment() {
        valid(withMemories(List.of(I32), Code.of().i32(0).i32(1).mem(I32_ATOMIC_RMW_ADD, 0, 2, 0).end(), SHARED));
        invalid(withMemories(List.of(I32), Code.of().i32(0).i32(1).mem(I32_ATOMIC_RMW_ADD, 0, 1, 0).end(), SHARED),
                "atomic alignment must be natural");
        valid(withMemories(List.of(I32), Code.of().i32(0).i32(0).i64(-1).mem(MEMORY_ATOMIC_WAIT32, 0, 2, 0).end(),
                SHARED));
        valid(withMemories(List.of(), Code.of().op(ATOMIC_FENCE).bytes(0).end()));
    }

    @Test
    void memoryLimits() {
        valid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I32, Limits.between(0, 65536), false)));
        invalid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I32, Limits.atLeast(65537), false)),
                "memory size must be at most 65536 pages (4GiB)");
        invalid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I32, Limits.between(2, 1), false)),
                "size minimum must not be greater than maximum");
        valid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I64, Limits.atLeast(1L << 48), false)));
        invalid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I64, Limits.atLeast((1L << 48) + 1), false)),
                "memory size");
        invalid(withMemories(List.of(), Code.of().end(), new MemoryType(AddressType.I32, Limits.atLeast(1), true)),
                "shared memory must have maximum");
    }

    @Test
    void dataSegmentsAndBulkMemory() {
        Module.Builder b = Modules.withType(new FuncType(List.of(), List.of())).addMemory(MEM32)
                .addData(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[3])).hasDataCount(true);
        valid(b.addFunction(new Function(0, List.of(), Code.of().i32(0).i32(0).i32(3)
                .op(MEMORY_INIT, 0, 0).op(DATA_DROP, 0).end())).build());
        Module.Builder b2 = Modules.withType(new FuncType(List.of(), List.of())).addMemory(MEM32)
                .addData(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[3])).hasDataCount(true);
        invalid(b2.addFunction(new Function(0, List.of(), Code.of().op(DATA_DROP, 1).end())).build(),
                "unknown data segment 1");
        Module active = Modules.withType(new FuncType(List.of(), List.of())).addMemory(MEM64)
                .addData(new DataSegment(SegmentMode.ACTIVE, 0, Code.of().i32(0).end(), new byte[1])).build();
        invalid(active, "type mismatch");
        Module noMemory = Module.builder()
                .addData(new DataSegment(SegmentMode.ACTIVE, 0, Code.of().i32(0).end(), new byte[1])).build();
        invalid(noMemory, "unknown memory 0");
    }

    private static Module withTable(TableType table, List<ValType> results, Expr body) {
        return Modules.withType(new FuncType(List.of(), results)).addTable(new Table(table, null))
                .addFunction(new Function(0, List.of(), body)).build();
    }

    @Test
    void tablesHoldAnyReferenceType() {
        TableType ext = new TableType(AddressType.I32, Limits.atLeast(1), RefType.EXTERNREF);
        valid(withTable(ext, List.of(RefType.EXTERNREF), Code.of().i32(0).op(TABLE_GET, 0).end()));
        invalid(withTable(ext, List.of(RefType.FUNCREF), Code.of().i32(0).op(TABLE_GET, 0).end()), "type mismatch");
        invalid(withTable(ext, List.of(), Code.of().i32(0).op(CALL_INDIRECT, 0, 0).end()), "type mismatch");
        invalid(withTable(ext, List.of(), Code.of().i32(0).op(TABLE_GET, 1).op(DROP).end()), "unknown table 1");
        TableType t64 = new TableType(AddressType.I64, Limits.atLeast(1), RefType.FUNCREF);
        valid(withTable(t64, List.of(I64), Code.of().op(TABLE_SIZE, 0).end()));
        valid(withTable(t64, List.of(), Code.of().i64(0).op(CALL_INDIRECT, 0, 0).end()));
        invalid(withTable(t64, List.of(), Code.of().i32(0).op(CALL_INDIRECT, 0, 0).end()), "type mismatch");
        invalid(withTable(new TableType(AddressType.I32, Limits.between(2, 1), RefType.FUNCREF), List.of(),
                Code.of().end()), "size minimum must not be greater than maximum");
        // a table of non-nullable references needs an initializer
        invalid(withTable(new TableType(AddressType.I32, Limits.atLeast(1),
                new RefType(false, dev.jawa.types.AbsHeapType.FUNC)), List.of(), Code.of().end()), "type mismatch");
    }

    @Test
    void elementSegmentsMustFitTheirTable() {
        Module ok = Modules.withType(new FuncType(List.of(), List.of()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addFunction(new Function(0, List.of(), Code.of().end()))
                .addElement(new ElementSegment(SegmentMode.ACTIVE, 0, Code.of().i32(0).end(), RefType.FUNCREF,
                        List.of(Code.of().op(REF_FUNC, 0).end())))
                .build();
        valid(ok);
        Module bad = Modules.withType(new FuncType(List.of(), List.of()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addElement(new ElementSegment(SegmentMode.ACTIVE, 0, Code.of().i32(0).end(), RefType.EXTERNREF,
                        List.of()))
                .build();
        invalid(bad, "type mismatch");
        Module init = Modules.withType(new FuncType(List.of(), List.of()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.EXTERNREF), null))
                .addElement(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.FUNCREF, List.of()))
                .addFunction(new Function(0, List.of(), Code.of().i32(0).i32(0).i32(0).op(TABLE_INIT, 0, 0).end()))
                .build();
        invalid(init, "type mismatch");
        Module unknown = Modules.withType(new FuncType(List.of(), List.of()))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addFunction(new Function(0, List.of(), Code.of().op(ELEM_DROP, 4).end()))
                .build();
        invalid(unknown, "unknown elem segment 4");
    }

    @Test
    void laneIndicesAreBoundedByTheShape() {
        valid(withMemories(List.of(I32), Code.of().v128().lane(I8X16_EXTRACT_LANE_S, 15).end()));
        invalid(withMemories(List.of(I32), Code.of().v128().lane(I8X16_EXTRACT_LANE_S, 16).end()), "invalid lane index");
        valid(withMemories(List.of(I64), Code.of().v128().lane(I64X2_EXTRACT_LANE, 1).end()));
        invalid(withMemories(List.of(I64), Code.of().v128().lane(I64X2_EXTRACT_LANE, 2).end()), "invalid lane index");
        invalid(withMemories(List.of(dev.jawa.types.VecType.V128),
                Code.of().i32(0).v128().mem(V128_LOAD32_LANE, 0, 2, 0).bytes(4).end(), MEM32), "invalid lane index");
        valid(withMemories(List.of(dev.jawa.types.VecType.V128),
                Code.of().i32(0).v128().mem(V128_LOAD32_LANE, 0, 2, 0).bytes(3).end(), MEM32));
        Code shuffle = Code.of().v128().v128().op(I8X16_SHUFFLE).bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31);
        valid(withMemories(List.of(dev.jawa.types.VecType.V128), shuffle.end()));
        Code bad = Code.of().v128().v128().op(I8X16_SHUFFLE).bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32);
        invalid(withMemories(List.of(dev.jawa.types.VecType.V128), bad.end()), "invalid lane index");
        // relaxed SIMD is typed from the table too
        valid(withMemories(List.of(dev.jawa.types.VecType.V128),
                Code.of().v128().v128().v128().op(F32X4_RELAXED_MADD).end()));
    }
}
