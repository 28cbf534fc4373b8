package dev.jawa.validate;

import static dev.jawa.module.Opcode.*;
import static dev.jawa.types.NumType.I32;
import static dev.jawa.validate.Modules.invalid;
import static dev.jawa.validate.Modules.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.InvalidModuleException;
import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deep nesting, big bodies, and validation throughput. */
class ScaleTest {

    private static final int DEPTH = 1_000_000;

    private static Expr nested(int depth, boolean wrongInside) {
        InstructionWriter w = new InstructionWriter(depth * 3 + 16);
        for (int i = 0; i < depth; i++) {
            w.op(BLOCK);
            w.blockType(BlockType.EMPTY);
        }
        if (wrongInside) {
            w.op(I32_CONST);
            w.s64(1);
        }
        for (int i = 0; i < depth; i++) {
            w.op(END);
        }
        w.op(END);
        return w.toExpr();
    }

    @Test
    void aMillionNestedBlocksValidate() {
        FunctionInfo info = valid(Modules.func(List.of(), nested(DEPTH, false))).function(0);
        assertEquals(0, info.maxStackHeight());
    }

    @Test
    void aMillionNestedBlocksAreRejectedWithoutStackOverflow() {
        invalid(Modules.func(List.of(), nested(DEPTH, true)), "type mismatch");
    }

    @Test
    void deepBranchesResolveToTheirEnds() {
        InstructionWriter w = new InstructionWriter();
        int depth = 10_000;
        for (int i = 0; i < depth; i++) {
            w.op(BLOCK);
            w.blockType(BlockType.EMPTY);
        }
        w.op(BR);
        w.u32(depth - 1); // to the outermost block
        for (int i = 0; i < depth; i++) {
            w.op(END);
        }
        w.op(END);
        FunctionInfo info = valid(Modules.func(List.of(), w.toExpr())).function(0);
        assertEquals(1, info.entryCount());
        // outermost block's end: after the br (2 + 3 bytes) and depth-1 inner ends
        assertEquals(depth * 2 + 3 + depth - 1, info.targetPc(0));
    }

    /** About {@code size} bytes of realistic straight-line and branchy code. */
    static Expr bigBody(int size) {
        InstructionWriter w = new InstructionWriter(size + 64);
        while (w.size() < size) {
            w.op(BLOCK);
            w.blockType(BlockType.EMPTY);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s64(12345);
            w.op(I32_ADD);
            w.op(LOCAL_TEE).u32(1);
            w.op(I32_LOAD);
            w.memarg(0, 2, 16);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_MUL);
            w.op(LOCAL_SET).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(BR_IF).u32(0);
            w.op(LOCAL_GET).u32(0);
            w.op(I32_CONST).s64(8);
            w.op(I32_SHR_U);
            w.op(I32_EQZ);
            w.op(IF);
            w.blockType(BlockType.EMPTY);
            w.op(LOCAL_GET).u32(1);
            w.op(I32_CONST).s64(4);
            w.op(I32_STORE);
            w.memarg(0, 2, 0);
            w.op(END);
            w.op(END);
        }
        w.op(LOCAL_GET).u32(0);
        w.op(END);
        return w.toExpr();
    }

    static Module bigModule(Expr body) {
        return Modules.withType(new FuncType(List.of(I32), List.of(I32)))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false))
                .addFunction(new Function(0, List.of(new LocalGroup(1, I32)), body)).build();
    }

    @Test
    void aTenMegabyteBodyValidatesQuickly() {
        Expr body = bigBody(10 << 20);
        Module m = bigModule(body);
        valid(m); // warm-up
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            FunctionInfo info = valid(m).function(0);
            best = Math.min(best, System.nanoTime() - t0);
            assertEquals(2, info.maxStackHeight());
        }
        double mbPerSecond = body.length() / (best / 1e9) / (1 << 20);
        System.out.printf("validation of a %.1f MB body: %.1f MB/s%n", body.length() / 1048576.0, mbPerSecond);
        assertTrue(best < 10_000_000_000L, "validation took " + best / 1e9 + " s");
    }

    @Test
    void manyFunctionsValidateInParallelAndReportTheLowestInvalidOne() {
        Expr good = bigBody(4 << 10);
        InstructionWriter w = new InstructionWriter();
        w.op(I64_CONST).s64(1); // an i64 where the function returns i32
        w.op(END);
        Expr bad = w.toExpr();
        int count = 600; // about 2.4 MB of code: above the threshold for parallel validation
        Module.Builder b = Modules.withType(new FuncType(List.of(I32), List.of(I32)))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false));
        for (int i = 0; i < count; i++) {
            b.addFunction(new Function(0, List.of(new LocalGroup(1, I32)), good));
        }
        Module allGood = b.build();
        ValidatedModule v = valid(allGood);
        for (int i = 0; i < count; i++) {
            assertEquals(2, v.function(i).maxStackHeight());
        }
        // Two invalid bodies far apart (so in different chunks): the lower index is reported,
        // as a sequential pass would.
        Module.Builder withBad = Modules.withType(new FuncType(List.of(I32), List.of(I32)))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false));
        for (int i = 0; i < count; i++) {
            withBad.addFunction(new Function(0, List.of(new LocalGroup(1, I32)), i == 150 || i == 450 ? bad : good));
        }
        InvalidModuleException e = assertThrows(InvalidModuleException.class,
                () -> Validator.validate(withBad.build()));
        assertEquals(150, e.functionIndex());
        assertTrue(e.reason().startsWith("type mismatch"), e.reason());
    }
}
