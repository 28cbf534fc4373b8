package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.CustomSection;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.module.SectionId;
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
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import dev.jawa.types.TypeIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden tests of the module-level layout: types, imports, definitions, segments, customs. */
class TextPrinterModuleTest {

    static final FuncType I32_TO_I32 = new FuncType(List.of(NumType.I32), List.of(NumType.I32));

    /** An expression: what {@code w} writes, then {@code end}. */
    static Expr expr(Consumer<InstructionWriter> w) {
        InstructionWriter iw = new InstructionWriter();
        w.accept(iw);
        iw.op(Opcode.END);
        return iw.toExpr();
    }

    static Expr i32Const(int v) {
        return expr(w -> w.op(Opcode.I32_CONST).s64(v));
    }

    static Expr refFunc(int f) {
        return expr(w -> w.op(Opcode.REF_FUNC).u32(f));
    }

    static RecType plain(FuncType f) {
        return RecType.single(SubType.plain(f));
    }

    /**
     * The module's text, after checking that it parses back to the module (label names aside,
     * which the parser does not record).
     */
    static String printed(Module m) {
        String text = TextPrinter.print(m);
        Module back = TextParser.parseModule(text);
        Module expected = TextPrinterTestsuiteRoundTripTest.expressible(m);
        assertEquals(null, TextPrinterTestsuiteRoundTripTest.difference(expected, back), text);
        return text;
    }

    @Test
    void emptyModule() {
        assertEquals("(module)\n", TextPrinter.print(Module.builder().build()));
    }

    @Test
    void functionWithTypeParamsLocalsAndBody() {
        Module m = Module.builder()
                .addRecType(plain(I32_TO_I32))
                .addFunction(new Function(0, List.of(new LocalGroup(2, NumType.I64), new LocalGroup(1, NumType.F32)),
                        expr(w -> {
                            w.op(Opcode.LOCAL_GET).u32(0);
                            w.op(Opcode.I32_CONST).s64(-7);
                            w.op(Opcode.I32_ADD);
                        })))
                .addExport(new Export("f", ExternKind.FUNC, 0))
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func (param i32) (result i32)))
                  (func (;0;) (type 0) (param i32) (result i32)
                    (local i64 i64) (local f32)
                    local.get 0
                    i32.const -7
                    i32.add)
                  (export "f" (func 0)))
                """, printed(m));
    }

    @Test
    void emptyFunctionClosesOnItsHeaderLine() {
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addFunction(new Function(0, List.of(), expr(w -> { })))
                .start(0)
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (func (;0;) (type 0))
                  (start 0))
                """, printed(m));
    }

    @Test
    void recGroupsSubtypesAndGcFields() {
        SubType base = new SubType(false, List.of(), new StructType(List.of(
                new FieldType(NumType.I32, false))));
        SubType derived = new SubType(true, List.of(0), new StructType(List.of(
                new FieldType(NumType.I32, false),
                new FieldType(PackedType.I8, true),
                new FieldType(new RefType(true, TypeIndex.of(0)), true))));
        SubType array = new SubType(false, List.of(), new ArrayType(new FieldType(PackedType.I16, true)));
        Module m = Module.builder()
                .addRecType(new RecType(List.of(base, derived)))
                .addRecType(RecType.single(array))
                .addRecType(new RecType(List.of()))
                .addRecType(plain(new FuncType(List.of(new RefType(false, TypeIndex.of(2)), RefType.FUNCREF),
                        List.of(new RefType(false, AbsHeapType.ANY)))))
                .build();
        assertEquals("""
                (module
                  (rec
                    (type (;0;) (sub (struct (field i32))))
                    (type (;1;) (sub final 0 (struct (field i32) (field (mut i8)) (field (mut (ref null 0)))))))
                  (type (;2;) (sub (array (mut i16))))
                  (rec)
                  (type (;3;) (func (param (ref 2) funcref) (result (ref any)))))
                """, printed(m));
    }

    @Test
    void importsOfEveryKind() {
        Module m = Module.builder()
                .addRecType(plain(I32_TO_I32))
                .addImport(new Import("env", "f", new ImportDesc.Func(0)))
                .addImport(new Import("env", "t", new ImportDesc.Table(
                        new TableType(AddressType.I64, Limits.between(1, 10), RefType.EXTERNREF))))
                .addImport(new Import("env", "m", new ImportDesc.Memory(
                        new MemoryType(AddressType.I32, Limits.between(1, 2), true))))
                .addImport(new Import("env", "g", new ImportDesc.Global(new GlobalType(NumType.F64, true))))
                .addImport(new Import("env", "e", new ImportDesc.Tag(new TagType(0))))
                .addImport(new Import("caf\u00e9", "q\"\\", new ImportDesc.Func(0)))
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func (param i32) (result i32)))
                  (import "env" "f" (func (;0;) (type 0) (param i32) (result i32)))
                  (import "env" "t" (table (;0;) i64 1 10 externref))
                  (import "env" "m" (memory (;0;) 1 2 shared))
                  (import "env" "g" (global (;0;) (mut f64)))
                  (import "env" "e" (tag (;0;) (type 0) (param i32) (result i32)))
                  (import "caf\\c3\\a9" "q\\22\\5c" (func (;1;) (type 0) (param i32) (result i32))))
                """, printed(m));
    }

    @Test
    void definitionsAreNumberedAfterImports() {
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addImport(new Import("a", "t", new ImportDesc.Table(
                        new TableType(AddressType.I32, Limits.atLeast(0), RefType.FUNCREF))))
                .addImport(new Import("a", "m", new ImportDesc.Memory(
                        new MemoryType(AddressType.I32, Limits.atLeast(1), false))))
                .addImport(new Import("a", "g", new ImportDesc.Global(new GlobalType(NumType.I32, false))))
                .addImport(new Import("a", "e", new ImportDesc.Tag(new TagType(0))))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(3), RefType.FUNCREF), null))
                .addTable(new Table(new TableType(AddressType.I64, Limits.between(3, 4),
                        new RefType(false, AbsHeapType.FUNC)), refFunc(0)))
                .addMemory(new MemoryType(AddressType.I64, Limits.between(0, 0x1_0000_0000L), false))
                .addTag(new TagType(0))
                .addGlobal(new Global(new GlobalType(NumType.I32, true), i32Const(42)))
                .addGlobal(new Global(new GlobalType(NumType.I32, false), expr(w -> {
                    w.op(Opcode.GLOBAL_GET).u32(0);
                    w.op(Opcode.I32_CONST).s64(1);
                    w.op(Opcode.I32_ADD);
                })))
                .addGlobal(new Global(new GlobalType(RefType.FUNCREF, false),
                        expr(w -> w.op(Opcode.REF_NULL).heapType(AbsHeapType.FUNC))))
                .addExport(new Export("t", ExternKind.TABLE, 1))
                .addExport(new Export("m", ExternKind.MEMORY, 1))
                .addExport(new Export("g", ExternKind.GLOBAL, 2))
                .addExport(new Export("e", ExternKind.TAG, 1))
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (import "a" "t" (table (;0;) 0 funcref))
                  (import "a" "m" (memory (;0;) 1))
                  (import "a" "g" (global (;0;) i32))
                  (import "a" "e" (tag (;0;) (type 0)))
                  (table (;1;) 3 funcref)
                  (table (;2;) i64 3 4 (ref func) (ref.func 0))
                  (memory (;1;) i64 0 4294967296)
                  (tag (;1;) (type 0))
                  (global (;1;) (mut i32) (i32.const 42))
                  (global (;2;) i32 global.get 0 i32.const 1 i32.add)
                  (global (;3;) funcref (ref.null func))
                  (export "t" (table 1))
                  (export "m" (memory 1))
                  (export "g" (global 2))
                  (export "e" (tag 1)))
                """, printed(m));
    }

    @Test
    void elementSegmentsInEveryMode() {
        Expr offsetSum = expr(w -> {
            w.op(Opcode.I32_CONST).s64(1);
            w.op(Opcode.I32_CONST).s64(2);
            w.op(Opcode.I32_ADD);
        });
        RefType refFunc = new RefType(false, AbsHeapType.FUNC);
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addFunction(new Function(0, List.of(), expr(w -> { })))
                .addFunction(new Function(0, List.of(), expr(w -> { })))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(4), RefType.FUNCREF), null))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(4), RefType.FUNCREF), null))
                .addElement(new ElementSegment(SegmentMode.ACTIVE, 0, i32Const(0), refFunc,
                        List.of(refFunc(0), refFunc(1))))
                .addElement(new ElementSegment(SegmentMode.ACTIVE, 1, offsetSum, refFunc, List.of(refFunc(1))))
                .addElement(new ElementSegment(SegmentMode.ACTIVE, 0, i32Const(2), RefType.FUNCREF,
                        List.of(refFunc(0), expr(w -> w.op(Opcode.REF_NULL).heapType(AbsHeapType.FUNC)))))
                .addElement(new ElementSegment(SegmentMode.PASSIVE, 0, null, refFunc, List.of()))
                .addElement(new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.EXTERNREF, List.of(
                        expr(w -> {
                            w.op(Opcode.REF_NULL).heapType(AbsHeapType.EXTERN);
                            w.op(Opcode.NOP);
                        }))))
                .addElement(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of(refFunc(1))))
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (func (;0;) (type 0))
                  (func (;1;) (type 0))
                  (table (;0;) 4 funcref)
                  (table (;1;) 4 funcref)
                  (elem (;0;) (i32.const 0) func 0 1)
                  (elem (;1;) (table 1) (offset i32.const 1 i32.const 2 i32.add) func 1)
                  (elem (;2;) (i32.const 2) funcref (ref.func 0) (ref.null func))
                  (elem (;3;) func)
                  (elem (;4;) externref (item ref.null extern nop))
                  (elem (;5;) declare func 1))
                """, printed(m));
    }

    @Test
    void dataSegmentsEscapeNonPrintableBytes() {
        Module m = Module.builder()
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false))
                .addData(new DataSegment(SegmentMode.ACTIVE, 0, i32Const(8),
                        "hi \"there\"\\".getBytes(StandardCharsets.US_ASCII)))
                .addData(new DataSegment(SegmentMode.ACTIVE, 1, i32Const(0), new byte[] {0, 10, (byte) 0x7f, (byte) 0xff}))
                .addData(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[0]))
                .build();
        assertEquals("""
                (module
                  (memory (;0;) 1)
                  (memory (;1;) 1)
                  (data (;0;) (i32.const 8) "hi \\22there\\22\\5c")
                  (data (;1;) (memory 1) (i32.const 0) "\\00\\0a\\7f\\ff")
                  (data (;2;) ""))
                """, printed(m));
    }

    @Test
    void customSectionsCarryTheirPlacement() {
        Module m = Module.builder()
                .addCustomSection(new CustomSection("first", new byte[] {1, 'a'}, null))
                .addCustomSection(new CustomSection("after-code", new byte[0], SectionId.CODE))
                .addCustomSection(new CustomSection("dc", "x".getBytes(StandardCharsets.US_ASCII), SectionId.DATA_COUNT))
                .build();
        assertEquals("""
                (module
                  (@custom "first" (before first) "\\01a")
                  (@custom "after-code" (after code) "")
                  (@custom "dc" (after datacount) "x"))
                """, printed(m));
    }

    @Test
    void functionWhoseTypeIsNoFunctionPrintsJustTheTypeIndex() {
        Module m = Module.builder()
                .addRecType(RecType.single(SubType.plain(new StructType(List.of()))))
                .addFunction(new Function(0, List.of(), expr(w -> w.op(Opcode.NOP))))
                .addFunction(new Function(7, List.of(), expr(w -> { })))
                .build();
        assertEquals("""
                (module
                  (type (;0;) (struct))
                  (func (;0;) (type 0)
                    nop)
                  (func (;1;) (type 7)))
                """, printed(m));
    }

    @Test
    void absurdLocalCountIsRefused() {
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addFunction(new Function(0, List.of(new LocalGroup(0xFFFF_FFFFL, NumType.I32)), expr(w -> { })))
                .build();
        assertThrows(IllegalArgumentException.class, () -> TextPrinter.print(m));
    }
}
