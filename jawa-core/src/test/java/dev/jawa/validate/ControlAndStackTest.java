package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.F32;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.types.NumType.I64;
import static dev.jawa.validate.Modules.func;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.InvalidModuleException;
import dev.jawa.module.BlockType;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.types.FuncType;
import dev.jawa.types.RefType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operand-stack typing, blocks and branches, locals, and the facts recorded for the tiers. */
class ControlAndStackTest {

    @Test
    void fixedSignaturesComeFromTheOpcodeTable() {
        valid(func(List.of(I32), Code.of().i32(1).i32(2).op(I32_ADD).end()));
        valid(func(List.of(I32), Code.of().i64(1).i64(2).op(I64_LT_S).end()));
        invalid(func(List.of(I32), Code.of().i32(1).i64(2).op(I32_ADD).end()), "type mismatch");
        invalid(func(List.of(I32), Code.of().i32(1).op(I32_ADD).end()), "type mismatch");
        invalid(func(List.of(), Code.of().i32(1).end()), "type mismatch");
        invalid(func(List.of(I64), Code.of().i32(1).end()), "type mismatch");
    }

    @Test
    void unreachableMakesTheStackPolymorphicButKeepsKnownTypes() {
        valid(func(List.of(I32), Code.of().op(UNREACHABLE).op(I32_ADD).end()));
        valid(func(List.of(I64), Code.of().op(UNREACHABLE).end()));
        invalid(func(List.of(I32), Code.of().op(UNREACHABLE).i64(0).op(I32_ADD).end()), "type mismatch");
        // select on an unknown operand pair yields the known one
        valid(func(List.of(F32), Code.of().op(UNREACHABLE).f32().i32(0).op(SELECT).end()));
    }

    @Test
    void blocksCheckTheirResultsAndBranchesTheirLabels() {
        valid(func(List.of(I32), Code.of().block(BLOCK, I32).i32(1).op(END).end()));
        invalid(func(List.of(I32), Code.of().block(BLOCK, I32).op(END).end()), "type mismatch");
        invalid(func(List.of(), Code.of().block(BLOCK).i32(1).op(END).end()), "type mismatch");
        valid(func(List.of(I32), Code.of().block(BLOCK, I32).i32(1).op(BR, 0).op(END).end()));
        invalid(func(List.of(), Code.of().op(BR, 1).end()), "unknown label");
        // a loop label carries the parameters, not the results
        valid(func(List.of(I32), Code.of().block(LOOP, I32).op(BR, 0).op(END).end()));
        valid(func(List.of(I32), Code.of().block(LOOP, I32).i32(0).op(BR, 0).op(END).end()));
        invalid(func(List.of(I32), Code.of().block(LOOP, I32).op(END).end()), "type mismatch");
    }

    @Test
    void ifWithoutElseMustPassItsParametersThrough() {
        valid(func(List.of(), Code.of().i32(1).block(IF).op(END).end()));
        invalid(func(List.of(I32), Code.of().i32(1).block(IF, I32).i32(1).op(END).end()), "type mismatch");
        valid(func(List.of(I32), Code.of().i32(1).block(IF, I32).i32(1).op(ELSE).i32(2).op(END).end()));
        invalid(func(List.of(I32), Code.of().i32(1).block(IF, I32).i32(1).op(ELSE).i64(2).op(END).end()),
                "type mismatch");
    }

    @Test
    void brTableLabelsMustAgreeInArity() {
        valid(func(List.of(), Code.of().block(BLOCK).block(BLOCK).i32(0).brTable(0, 1).op(END).op(END).end()));
        invalid(func(List.of(), Code.of().block(BLOCK, I32).block(BLOCK).i32(0).brTable(0, 1)
                .op(END).i32(0).op(END).op(DROP).end()), "type mismatch");
    }

    @Test
    void typedSelectNeedsExactlyOneType() {
        valid(func(List.of(I32), Code.of().i32(1).i32(2).i32(0).selectT(I32).end()));
        invalid(func(List.of(), Code.of().i32(0).selectT().end()), "invalid result arity");
        invalid(func(List.of(I32), Code.of().i32(1).i32(2).i32(0).selectT(I32, I32).end()), "invalid result arity");
        // untyped select rejects references
        invalid(func(List.of(), Code.of().heap(REF_NULL, dev.jawa.types.AbsHeapType.FUNC)
                .heap(REF_NULL, dev.jawa.types.AbsHeapType.FUNC).i32(0).op(SELECT).op(DROP).end()), "type mismatch");
    }

    @Test
    void localsAreCheckedByIndexAndInitialization() {
        FuncType t = new FuncType(List.of(I32), List.of(I32));
        valid(func(t, List.of(), Code.of().op(LOCAL_GET, 0).end()));
        invalid(func(t, List.of(), Code.of().op(LOCAL_GET, 1).end()), "unknown local");
        valid(func(t, List.of(new LocalGroup(3, I64)), Code.of().op(LOCAL_GET, 3).op(I32_WRAP_I64).end()));

        RefType nonNullFunc = new RefType(false, dev.jawa.types.AbsHeapType.FUNC);
        FuncType none = new FuncType(List.of(), List.of());
        List<LocalGroup> one = List.of(new LocalGroup(1, nonNullFunc));
        invalid(func(none, one, Code.of().op(LOCAL_GET, 0).op(DROP).end()), "uninitialized local");
        // set inside a block: known only until the block ends
        invalid(func(none, one, Code.of().block(BLOCK).op(UNREACHABLE).op(LOCAL_SET, 0).op(END)
                .op(LOCAL_GET, 0).op(DROP).end()), "uninitialized local");
        valid(func(none, one, Code.of().op(UNREACHABLE).op(LOCAL_SET, 0).op(LOCAL_GET, 0).op(DROP).end()));
    }

    @Test
    void hugeLocalDeclarationsCostNoMemoryPerLocal() {
        FuncType t = new FuncType(List.of(), List.of(I32));
        Module m = func(t, List.of(new LocalGroup(0xFFFF_FFF0L, I32)), Code.of().op(LOCAL_GET, 0xFFFF_FFEF).end());
        assertEquals(0xFFFF_FFF0L, valid(m).function(0).localCount());
        invalid(func(t, List.of(new LocalGroup(0xFFFF_FFF0L, I32)), Code.of().op(LOCAL_GET, 0xFFFF_FFF0).end()),
                "unknown local");
    }

    @Test
    void errorsCarryFunctionIndexAndOffset() {
        InvalidModuleException e = invalid(func(List.of(I32), Code.of().i32(1).i64(2).op(I32_ADD).end()),
                "type mismatch");
        assertEquals(0, e.functionIndex());
        assertEquals(4, e.offset()); // i32.const 1 (2 bytes), i64.const 2 (2 bytes), then i32.add
    }

    @Test
    void maxStackHeightAndLocalCountAreRecorded() {
        FuncType t = new FuncType(List.of(I32, I32), List.of(I32));
        FunctionInfo info = valid(func(t, List.of(new LocalGroup(2, I64)),
                Code.of().i32(1).i32(2).i32(3).op(I32_ADD).op(I32_ADD).end())).function(0);
        assertEquals(3, info.maxStackHeight());
        assertEquals(4, info.localCount());
        assertEquals(2, info.paramCount());
    }

    @Test
    void sideTableResolvesBranchTargetsWithoutSearching() {
        // 0: block (result i32)   2: i32.const 7   4: i32.const 1   6: br_if 0   8: drop?
        Code c = Code.of()
                .block(BLOCK, I32)     // 0..1
                .i32(7)                // 2..3
                .i32(1)                // 4..5
                .op(BR_IF, 0)          // 6..7: entry 0 -> end of block
                .op(DROP)              // 8
                .i32(9)                // 9..10
                .op(END)               // 11
                .block(LOOP)           // 12..13
                .i32(0)                // 14..15
                .op(BR_IF, 0)          // 16..17: entry 1 -> loop body start (14)
                .op(END)               // 18
                .i32(1)                // 19..20
                .block(IF, I32)        // 21..22: entry 2 -> else arm (after else at 25: 26)
                .i32(3)                // 23..24
                .op(ELSE)              // 25: entry 3 -> end (28)
                .i32(4)                // 26..27
                .op(END)               // 28
                .op(I32_ADD);          // 29
        FunctionInfo info = valid(func(List.of(I32), c.end())).function(0);
        assertEquals(4, info.entryCount());
        assertEquals(6, info.sourcePc(0));
        assertEquals(11, info.targetPc(0));
        assertEquals(1, info.targetStp(0));
        assertEquals(1, info.arity(0));
        assertEquals(0, info.targetHeight(0));
        assertEquals(14, info.targetPc(1));
        assertEquals(1, info.targetStp(1));
        assertEquals(0, info.arity(1));
        assertEquals(1, info.targetHeight(1));
        assertEquals(26, info.targetPc(2));
        assertEquals(4, info.targetStp(2));
        assertEquals(28, info.targetPc(3));
        assertEquals(4, info.targetStp(3));
        assertEquals(1, info.targetHeight(3));
    }

    @Test
    void brTableAndReturnLevelEntries() {
        Code c = Code.of().block(BLOCK).i32(0).brTable(1, 0).op(END).op(BR, 0);
        FunctionInfo info = valid(func(List.of(), c.end())).function(0);
        assertEquals(3, info.entryCount());
        int end = 0;
        for (int i = 0; i < 3; i++) {
            end = Math.max(end, info.targetPc(i));
        }
        // br_table target 0 is the block's end; its default (1) and the final br are the function's end
        assertEquals(info.targetPc(1), info.targetPc(2));
        assertEquals(3, info.targetStp(1));
        assertEquals(end, info.targetPc(2));
    }

    @Test
    void multiValueBlockTypesUseFunctionTypes() {
        FuncType pair = new FuncType(List.of(I32), List.of(I32, I32));
        Module m = Modules.withType(new FuncType(List.of(), List.of(I32, I32)))
                .addRecType(dev.jawa.types.RecType.single(dev.jawa.types.SubType.plain(pair)))
                .addFunction(new dev.jawa.module.Function(0, List.of(),
                        Code.of().i32(1).block(BLOCK, new BlockType.Func(1)).op(LOCAL_TEE, 0).op(END).end()))
                .build();
        invalid(m, "unknown local");
        Module ok = Modules.withType(new FuncType(List.of(), List.of(I32, I32)))
                .addRecType(dev.jawa.types.RecType.single(dev.jawa.types.SubType.plain(pair)))
                .addFunction(new dev.jawa.module.Function(0, List.of(),
                        Code.of().i32(1).block(BLOCK, new BlockType.Func(1)).i32(2).op(END).end()))
                .build();
        valid(ok);
        Module unknown = Modules.withType(new FuncType(List.of(), List.of()))
                .addFunction(new dev.jawa.module.Function(0, List.of(),
                        Code.of().block(BLOCK, new BlockType.Func(5)).op(END).end()))
                .build();
        invalid(unknown, "unknown type");
    }
}
