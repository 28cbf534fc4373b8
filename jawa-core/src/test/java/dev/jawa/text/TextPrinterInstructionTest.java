package dev.jawa.text;

import static dev.jawa.text.TextPrinterModuleTest.expr;
import static dev.jawa.text.TextPrinterModuleTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.VecType;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden tests of instruction text: structure, indentation and every kind of immediate. */
class TextPrinterInstructionTest {

    /**
     * The printed body of a one-function module whose body {@code w} writes, with the body's
     * four-space base indentation removed.
     */
    private static String body(Consumer<InstructionWriter> w) {
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addRecType(plain(TextPrinterModuleTest.I32_TO_I32))
                .addFunction(new Function(0, List.of(), expr(w)))
                .build();
        String text = TextPrinterModuleTest.printed(m);
        String header = "(module\n  (type (;0;) (func))\n  (type (;1;) (func (param i32) (result i32)))\n"
                + "  (func (;0;) (type 0)\n";
        assertTrue(text.startsWith(header), text);
        assertTrue(text.endsWith("))\n"), text);
        String lines = text.substring(header.length(), text.length() - 3);
        assertTrue(lines.startsWith("    "), lines);
        return lines.substring(4).replace("\n    ", "\n");
    }

    @Test
    void blocksIndentTwoSpacesPerLevel() {
        String text = body(w -> {
            w.op(Opcode.BLOCK).blockType(new BlockType.Value(NumType.I32));
            w.op(Opcode.LOOP).blockType(new BlockType.Func(1));
            w.op(Opcode.I32_CONST).s64(1);
            w.op(Opcode.IF).blockType(new BlockType.Value(RefType.FUNCREF));
            w.op(Opcode.NOP);
            w.op(Opcode.ELSE);
            w.op(Opcode.UNREACHABLE);
            w.op(Opcode.END);
            w.op(Opcode.END);
            w.op(Opcode.END);
            w.op(Opcode.DROP);
        });
        assertEquals("""
                    block (result i32)
                      loop (type 1)
                        i32.const 1
                        if (result funcref)
                          nop
                        else
                          unreachable
                        end
                      end
                    end
                    drop""", text);
    }

    @Test
    void integersPrintSigned() {
        assertEquals("""
                    i32.const -1
                    i32.const 2147483647
                    i32.const -2147483648
                    i64.const -1
                    i64.const 9223372036854775807""", body(w -> {
            w.op(Opcode.I32_CONST).s64(-1);
            w.op(Opcode.I32_CONST).s64(Integer.MAX_VALUE);
            w.op(Opcode.I32_CONST).s64(Integer.MIN_VALUE);
            w.op(Opcode.I64_CONST).s64(-1);
            w.op(Opcode.I64_CONST).s64(Long.MAX_VALUE);
        }));
    }

    @Test
    void floatsPrintExactly() {
        int[] f32 = {
            Float.floatToRawIntBits(1.0f), Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(0.0f),
            Float.floatToRawIntBits(Float.MIN_VALUE), Float.floatToRawIntBits(Float.MAX_VALUE),
            Float.floatToRawIntBits(Float.NEGATIVE_INFINITY), 0x7fc00000, 0xffc00000, 0x7f800001, 0xff812345,
            Float.floatToRawIntBits(0.1f), 0x00400000,
        };
        String text = body(w -> {
            for (int bits : f32) {
                w.op(Opcode.F32_CONST).fixed32(bits);
            }
        });
        assertEquals("""
                    f32.const 0x1p+0
                    f32.const -0x0p+0
                    f32.const 0x0p+0
                    f32.const 0x1p-149
                    f32.const 0x1.fffffep+127
                    f32.const -inf
                    f32.const nan
                    f32.const -nan
                    f32.const nan:0x1
                    f32.const -nan:0x12345
                    f32.const 0x1.99999ap-4
                    f32.const 0x1p-127""", text);
        long[] f64 = {
            Double.doubleToRawLongBits(1.5), Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.MIN_VALUE),
            Double.doubleToRawLongBits(Double.MAX_VALUE), Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
            0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x000fffffffffffffL,
            Double.doubleToRawLongBits(1e300),
        };
        text = body(w -> {
            for (long bits : f64) {
                w.op(Opcode.F64_CONST).fixed64(bits);
            }
        });
        assertEquals("""
                    f64.const 0x1.8p+0
                    f64.const -0x0p+0
                    f64.const 0x1p-1074
                    f64.const 0x1.fffffffffffffp+1023
                    f64.const inf
                    f64.const nan
                    f64.const -nan
                    f64.const nan:0x1
                    f64.const 0x1.ffffffffffffep-1023
                    f64.const 0x1.7e43c8800759cp+996""", text);
    }

    @Test
    void hexFloatsMatchJavaValues() {
        // Java reads hex floats itself: check every printed finite value reads back to its bits.
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20000; i++) {
            int f = i < 100 ? i : random.nextInt();
            if ((f & 0x7f800000) == 0x7f800000) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            PrintNumbers.appendF32(sb, f);
            assertEquals(f, Float.floatToRawIntBits(Float.parseFloat(sb.toString())), sb::toString);
            long d = i < 100 ? i : random.nextLong();
            if ((d & 0x7ff0000000000000L) == 0x7ff0000000000000L) {
                continue;
            }
            sb.setLength(0);
            PrintNumbers.appendF64(sb, d);
            assertEquals(d, Double.doubleToRawLongBits(Double.parseDouble(sb.toString())), sb::toString);
        }
    }

    @Test
    void randomConstantsParseBackToTheirBits() {
        // Every bit pattern, NaN payloads and subnormals included, through the text parser
        // (body() checks that the module parses back equal).
        java.util.Random random = new java.util.Random(11);
        String text = body(w -> {
            for (int i = 0; i < 3000; i++) {
                w.op(Opcode.F32_CONST).fixed32(i < 64 ? 0x7f800000 | i | (i << 25) : random.nextInt());
                w.op(Opcode.F64_CONST).fixed64(i < 64 ? (long) i << (i % 2 == 0 ? 0 : 50) : random.nextLong());
                w.op(Opcode.I32_CONST).s64(random.nextInt());
                w.op(Opcode.I64_CONST).s64(random.nextLong());
                w.op(Opcode.V128_CONST).fixed64(random.nextLong()).fixed64(random.nextLong());
            }
        });
        assertTrue(text.contains("nan:0x"), "NaN payloads were tried");
    }

    @Test
    void memargShowsOnlyNonDefaults() {
        assertEquals("""
                    i32.load
                    i32.load offset=4
                    i32.load align=1
                    i64.load 1 offset=18446744073709551615 align=16
                    i32.load8_u
                    v128.load align=8
                    v128.load8_lane 3
                    v128.store64_lane 1 offset=8 align=1 1
                    i32.atomic.rmw8.cmpxchg_u offset=2
                    memory.atomic.wait64
                    atomic.fence""", body(w -> {
            w.op(Opcode.I32_LOAD).memarg(0, 2, 0);
            w.op(Opcode.I32_LOAD).memarg(0, 2, 4);
            w.op(Opcode.I32_LOAD).memarg(0, 0, 0);
            w.op(Opcode.I64_LOAD).memarg(1, 4, -1L);
            w.op(Opcode.I32_LOAD8_U).memarg(0, 0, 0);
            w.op(Opcode.V128_LOAD).memarg(0, 3, 0);
            w.op(Opcode.V128_LOAD8_LANE).memarg(0, 0, 0).u8(3);
            w.op(Opcode.V128_STORE64_LANE).memarg(1, 0, 8).u8(1);
            w.op(Opcode.I32_ATOMIC_RMW8_CMPXCHG_U).memarg(0, 0, 2);
            w.op(Opcode.MEMORY_ATOMIC_WAIT64).memarg(0, 3, 0);
            w.op(Opcode.ATOMIC_FENCE).u8(0);
        }));
    }

    @Test
    void memoryAndTableIndexImmediates() {
        assertEquals("""
                    memory.size
                    memory.grow 2
                    memory.fill 1
                    memory.copy
                    memory.copy 1 0
                    memory.init 3
                    memory.init 1 3
                    table.get 0
                    table.init 0 2
                    table.init 1 2
                    table.copy 0 1
                    call_indirect (type 0)
                    return_call_indirect 2 (type 0)""", body(w -> {
            w.op(Opcode.MEMORY_SIZE).u32(0);
            w.op(Opcode.MEMORY_GROW).u32(2);
            w.op(Opcode.MEMORY_FILL).u32(1);
            w.op(Opcode.MEMORY_COPY).u32(0).u32(0);
            w.op(Opcode.MEMORY_COPY).u32(1).u32(0);
            w.op(Opcode.MEMORY_INIT).u32(3).u32(0);
            w.op(Opcode.MEMORY_INIT).u32(3).u32(1);
            w.op(Opcode.TABLE_GET).u32(0);
            w.op(Opcode.TABLE_INIT).u32(2).u32(0);
            w.op(Opcode.TABLE_INIT).u32(2).u32(1);
            w.op(Opcode.TABLE_COPY).u32(0).u32(1);
            w.op(Opcode.CALL_INDIRECT).u32(0).u32(0);
            w.op(Opcode.RETURN_CALL_INDIRECT).u32(0).u32(2);
        }));
    }

    @Test
    void vectorImmediates() {
        assertEquals("""
                    v128.const i32x4 0x03020100 0x07060504 0x0b0a0908 0xffffff0c
                    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
                    i8x16.extract_lane_s 15
                    f64x2.replace_lane 1""", body(w -> {
            w.op(Opcode.V128_CONST).fixed64(0x0706050403020100L).fixed64(0xffffff0c0b0a0908L);
            w.op(Opcode.I8X16_SHUFFLE).fixed64(0x0706050403020100L).fixed64(0x1f0e0d0c0b0a0908L);
            w.op(Opcode.I8X16_EXTRACT_LANE_S).u8(15);
            w.op(Opcode.F64X2_REPLACE_LANE).u8(1);
        }));
    }

    @Test
    void referenceAndGcImmediates() {
        assertEquals("""
                    ref.null func
                    ref.null 0
                    ref.test (ref 0)
                    ref.test (ref null 0)
                    ref.cast (ref i31)
                    ref.cast anyref
                    br_on_cast 0 anyref (ref eq)
                    br_on_cast_fail 0 (ref any) (ref null 0)
                    struct.get_s 0 3
                    array.new_fixed 0 4294967295
                    array.copy 0 1
                    array.new_data 0 1
                    array.init_elem 0 2
                    select (result i32 v128)
                    select
                    call_ref 0""", body(w -> {
            w.op(Opcode.REF_NULL).heapType(AbsHeapType.FUNC);
            w.op(Opcode.REF_NULL).heapType(TypeIndex.of(0));
            w.op(Opcode.REF_TEST).heapType(TypeIndex.of(0));
            w.op(Opcode.REF_TEST_NULL).heapType(TypeIndex.of(0));
            w.op(Opcode.REF_CAST).heapType(AbsHeapType.I31);
            w.op(Opcode.REF_CAST_NULL).heapType(AbsHeapType.ANY);
            w.op(Opcode.BR_ON_CAST);
            w.brOnCast(0, RefType.ANYREF, new RefType(false, AbsHeapType.EQ));
            w.op(Opcode.BR_ON_CAST_FAIL);
            w.brOnCast(0, new RefType(false, AbsHeapType.ANY), new RefType(true, TypeIndex.of(0)));
            w.op(Opcode.STRUCT_GET_S).u32(0).u32(3);
            w.op(Opcode.ARRAY_NEW_FIXED).u32(0).u32(-1);
            w.op(Opcode.ARRAY_COPY).u32(0).u32(1);
            w.op(Opcode.ARRAY_NEW_DATA).u32(0).u32(1);
            w.op(Opcode.ARRAY_INIT_ELEM).u32(0).u32(2);
            w.op(Opcode.SELECT_T).u32(2).valType(NumType.I32).valType(VecType.V128);
            w.op(Opcode.SELECT);
            w.op(Opcode.CALL_REF).u32(0);
        }));
    }

    @Test
    void exceptionHandlingBothFlavours() {
        assertEquals("""
                    try_table (result i32) (catch 0 0) (catch_ref 1 0) (catch_all 0) (catch_all_ref 0)
                      i32.const 0
                    end
                    throw_ref
                    try
                      throw 0
                    catch 0
                      rethrow 0
                    catch_all
                    end
                    try (type 1)
                    delegate 0""", body(w -> {
            w.op(Opcode.TRY_TABLE).blockType(new BlockType.Value(NumType.I32)).u32(4);
            w.catchClause(new Catch(Catch.Kind.CATCH, 0, 0));
            w.catchClause(new Catch(Catch.Kind.CATCH_REF, 1, 0));
            w.catchClause(new Catch(Catch.Kind.CATCH_ALL, 0, 0));
            w.catchClause(new Catch(Catch.Kind.CATCH_ALL_REF, 0, 0));
            w.op(Opcode.I32_CONST).s64(0);
            w.op(Opcode.END);
            w.op(Opcode.THROW_REF);
            w.op(Opcode.TRY).blockType(BlockType.EMPTY);
            w.op(Opcode.THROW).u32(0);
            w.op(Opcode.CATCH).u32(0);
            w.op(Opcode.RETHROW).u32(0);
            w.op(Opcode.CATCH_ALL);
            w.op(Opcode.END);
            w.op(Opcode.TRY).blockType(new BlockType.Func(1));
            w.op(Opcode.DELEGATE).u32(0);
        }));
    }

    @Test
    void deepNestingNeedsNoJavaStackAndCapsIndentation() {
        int depth = 200_000;
        String text = body(w -> {
            for (int i = 0; i < depth; i++) {
                w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);
            }
            w.op(Opcode.BR).u32(depth - 1);
            for (int i = 0; i < depth; i++) {
                w.op(Opcode.END);
            }
        });
        String[] lines = text.split("\n");
        assertEquals(2 * depth + 1, lines.length);
        assertEquals("block", lines[0]);
        assertEquals("  block", lines[1]);
        assertEquals(" ".repeat(256 - 4) + "br " + (depth - 1), lines[depth]);
        assertEquals("end", lines[2 * depth]);
    }
}
