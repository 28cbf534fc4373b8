package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.MalformedTextException;
import dev.jawa.module.BlockType;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.ExternKind;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.SegmentMode;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.SubType;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextParserTest {

    private static Module parse(String text) {
        return TextParser.parseModule(text);
    }

    private static String hex(Expr e) {
        return HexFormat.of().formatHex(e.toByteArray());
    }

    /** The code of the last function of {@code module}, as hex. */
    private static String code(String module) {
        Module m = parse(module);
        return hex(m.functions().get(m.functions().size() - 1).body());
    }

    private static String error(String text) {
        return assertThrows(MalformedTextException.class, () -> parse(text)).reason();
    }

    @Test
    void foldedAndFlatInstructionsEncodeAlike() {
        String folded = code("(func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))");
        assertEquals("200041016a0b", folded);
        assertEquals(folded, code("(func (param i32) (result i32) local.get 0 i32.const 1 i32.add)"));
        assertEquals(code("(func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else i32.const 2 end)"),
                code("(func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))"));
        // An empty else is left out, folded or flat.
        assertEquals("20000440010b0b", code("(func (param i32) (if (local.get 0) (then nop) (else)))"));
        assertEquals("20000440010b0b", code("(func (param i32) local.get 0 if nop else end)"));
        assertEquals("200004400105010b0b", code("(func (param i32) (if (local.get 0) (then nop) (else nop)))"));
    }

    @Test
    void labelsResolveRelativelyWithShadowing() {
        assertEquals("024002400c010c000c000b0b0b", code("(func block $a block $b br $a br $b br 0 end end)"));
        assertEquals("024002400c000b0c000b0b", code("(func block $l block $l br $l end br $l end)"));
        assertEquals("02400240" + "4100" + "0e02000100" + "0b0b0b",
                code("(func block $a block $b (br_table $b $a 0 (i32.const 0)) end end)"));
        assertEquals("unknown label $x", error("(func br $x)"));
        assertEquals("mismatching label", error("(func block $a end $b)"));
        assertEquals("mismatching label", error("(func block end $b)"));
        assertEquals("024002400b0b0b", code("(func block $a block $b end $b end $a)"));
    }

    @Test
    void exceptionsTryTableAndLegacy() {
        // try_table's catch labels are resolved outside it.
        assertEquals("02401f400102000c000b0b0b", code("(func (block $out (try_table $t (catch_all $out) (br $t))))"));
        assertEquals("02401f400200000003000b0b0b",
                code("(tag $e) (func (block $out (try_table (catch $e $out) (catch_all_ref $out))))"));
        assertEquals("0640080007000900190b0b",
                code("(tag $e) (func (try $t (do (throw $e)) (catch $e (rethrow $t)) (catch_all)))"));
        assertEquals("0640080007000900190b0b",
                code("(tag $e) (func try $t throw $e catch $e rethrow $t catch_all end)"));
        // delegate's label is resolved outside the try.
        assertEquals("024006400118000b0b", code("(func (block $b (try (do nop) (delegate $b))))"));
        assertEquals("024006400118000b0b", code("(func block $b try nop delegate $b end)"));
    }

    @Test
    void instructionsThatPickTheirEncodingByImmediates() {
        assertEquals("4101410241001b1a0b", code("(func (drop (select (i32.const 1) (i32.const 2) (i32.const 0))))"));
        assertEquals("4101410241001c017f0b",
                code("(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))"));
        assertEquals("2000fb156c0b", code("(func (param anyref) (result i32) (ref.test (ref null i31) (local.get 0)))"));
        assertEquals("2000fb146c0b", code("(func (param anyref) (result i32) (ref.test (ref i31) (local.get 0)))"));
        assertEquals("2000fb176c0b", code("(func (param anyref) (result i31ref) (ref.cast i31ref (local.get 0)))"));
        assertEquals("026e2000fb1801006e6c0b0b",
                code("(func (param anyref) (result anyref) (block $l (result anyref) (br_on_cast $l anyref (ref i31) (local.get 0))))"));
        assertEquals("026e2000fb1903006e6c0b0b",
                code("(func (param anyref) (result anyref) (block $l (result anyref) (br_on_cast_fail $l anyref i31ref (local.get 0))))"));
        assertEquals("d0701ad06f1a0b", code("(func (drop (ref.null func)) (drop (ref.null extern)))"));
    }

    @Test
    void memoryInstructions() {
        assertEquals("41002801081a0b", code("(memory 1) (func (drop (i32.load offset=8 align=2 (i32.const 0))))"));
        assertEquals("41002842010a1a0b", code("(memory 1) (memory $m 1) (func (drop (i32.load $m offset=10 (i32.const 0))))"));
        assertEquals("alignment must be a power of two", error("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))"));
        assertEquals("alignment must be a power of two", error("(memory 1) (func (drop (i32.load align=0 (i32.const 0))))"));
        // memory.init takes the data index first in the binary.
        assertEquals("410041004100fc0800010b",
                code("(memory 1) (memory $m 1) (data $d \"\") (func (memory.init $m $d (i32.const 0) (i32.const 0) (i32.const 0)))"));
        Module m = parse("(memory 1) (data \"x\") (func (data.drop 0))");
        assertTrue(m.hasDataCount());
        assertFalse(parse("(memory 1) (data \"x\")").hasDataCount());
        // v128.load8_lane: a lone number is the lane; two numbers are memory and lane.
        assertEquals("41002000fd540000001a0b",
                code("(memory 1) (func (param v128) (drop (v128.load8_lane 0 (i32.const 0) (local.get 0))))"));
        assertEquals("41002000fd5440010003" + "1a0b",
                code("(memory 1) (memory 1) (func (param v128) (drop (v128.load8_lane 1 3 (i32.const 0) (local.get 0))))"));
    }

    @Test
    void vectorLiterals() {
        assertEquals("fd0c010000000200000003000000ffffffff1a0b",
                code("(func (drop (v128.const i32x4 1 2 3 -1)))"));
        assertEquals("fd0c0000803f000000c0000000000000807f1a0b",
                code("(func (drop (v128.const f32x4 1 -2 0 inf)))"));
        assertEquals("fd0cff0000000000000001000000000000001a0b", code("(func (drop (v128.const i64x2 0xff 1)))"));
        assertEquals("fd0c0102030405060708090a0b0c0d0e0f101a0b",
                code("(func (drop (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)))"));
        assertEquals("fd0cffff0080000000000000000000000000" + "1a0b",
                code("(func (drop (v128.const i16x8 -1 0x8000 0 0 0 0 0 0)))"));
        assertEquals("wrong number of lane literals", error("(func (v128.const i32x4 1 2 3) drop)"));
        assertEquals("constant out of range", error("(func (v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0) drop)"));
        assertEquals("unexpected token", error("(func (v128.const 0 0 0 0) drop)"));
        String zeros = "(v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)";
        assertEquals("invalid lane length", error("(func (drop (i8x16.shuffle 1 2 " + zeros + zeros + ")))"));
        assertEquals("i8 constant out of range",
                error("(func (drop (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1 " + zeros + zeros + ")))"));
        assertEquals("unexpected token", error("(func (result i32) (i8x16.extract_lane_s -1 " + zeros + "))"));
        assertEquals("i8 constant out of range", error("(func (result i32) (i8x16.extract_lane_s 256 " + zeros + "))"));
        assertTrue(code("(func (result i32) (i8x16.extract_lane_u 15 " + zeros + "))").endsWith("fd160f0b"));
    }

    @Test
    void implicitTypesReuseTheFirstMatchOrAppendInOrderOfUse() {
        Module m = parse("""
                (module
                  (type $v (func))
                  (func (param i32))
                  (func (call_indirect (param f32) (i32.const 0) (i32.const 0))
                        (block (param i64) (result i64) (i64.const 0)) drop)
                  (func (param i32))
                  (func (param i64) (result i64) (local.get 0))
                  (func (param f64))
                  (type $late (func (param f64)))
                  (table 1 funcref))
                """);
        assertEquals(5, m.typeCount());
        assertEquals(new FuncType(List.of(NumType.F64), List.of()), m.funcType(1));
        assertEquals(new FuncType(List.of(NumType.I32), List.of()), m.funcType(2));
        assertEquals(new FuncType(List.of(NumType.F32), List.of()), m.funcType(3));
        assertEquals(new FuncType(List.of(NumType.I64), List.of(NumType.I64)), m.funcType(4));
        assertEquals(List.of(2, 0, 2, 4, 1), m.functions().stream().map(f -> f.typeIndex()).toList());
        // A type that is not final, or not alone in its group, is no match.
        Module sub = parse("(type (sub (func (param i32)))) (rec (type (func (param i32))) (type (func))) (func (param i32))");
        assertEquals(4, sub.typeCount());
        assertEquals(3, sub.functions().get(0).typeIndex());
        assertTrue(sub.type(3).isPlain());
        // Block types with no parameters and at most one result need no type.
        Module b = parse("(type $t (func (result i32))) (func (result i32) (block (type $t) (i32.const 1)))");
        assertEquals("027f41010b0b", hex(b.functions().get(0).body()));
        assertEquals(1, b.typeCount());
    }

    @Test
    void typeUsesWithExplicitTypes() {
        Module m = parse("(type $t (func (param i32) (result i64))) (func (type $t) (param $x i32) (result i64) (local $y f32) (i64.extend_i32_u (local.get $x)))");
        assertEquals(0, m.functions().get(0).typeIndex());
        assertEquals("x", m.names().locals().get(0, 0));
        assertEquals("y", m.names().locals().get(0, 1));
        Module byType = parse("(type $t (func (param i32 i32))) (func (type $t) (local $z i32) (local.get $z))");
        assertEquals("20020b", hex(byType.functions().get(0).body()));
        assertEquals("inline function type does not match explicit type",
                error("(type $t (func)) (func (type $t) (param i32))"));
        assertEquals("unknown type $nope", error("(func (type $nope))"));
        assertEquals("unexpected token", error("(func (result i32) (param i32))"));
    }

    @Test
    void localsAreGroupedInRuns() {
        Module m = parse("(func (param i32) (local i32 i32) (local $a i32) (local f64) (local i32))");
        assertEquals(List.of(new LocalGroup(3, NumType.I32), new LocalGroup(1, NumType.F64), new LocalGroup(1, NumType.I32)),
                m.functions().get(0).locals());
        assertEquals("a", m.names().locals().get(0, 3));
    }

    @Test
    void identifiersBecomeNamesInEveryIndexSpace() {
        Module m = parse("""
                (module $mod
                  (type $s (struct (field $x i32) (field $y (mut i64))))
                  (import "m" "f" (func $imp))
                  (func $f (param $p i32) (local $l i64))
                  (global $g i32 (i32.const 0))
                  (table $tb 1 funcref)
                  (memory $mem 1)
                  (elem $e func)
                  (data $d "")
                  (tag $tg)
                  (func (result i64) (struct.get $s $y (struct.new_default $s))))
                """);
        assertEquals("mod", m.names().module());
        assertEquals("imp", m.names().functions().get(0));
        assertEquals("f", m.names().functions().get(1));
        assertEquals("p", m.names().locals().get(1, 0));
        assertEquals("l", m.names().locals().get(1, 1));
        assertEquals("s", m.names().types().get(0));
        assertEquals("y", m.names().fields().get(0, 1));
        assertEquals("g", m.names().globals().get(0));
        assertEquals("tb", m.names().tables().get(0));
        assertEquals("mem", m.names().memories().get(0));
        assertEquals("e", m.names().elems().get(0));
        assertEquals("d", m.names().datas().get(0));
        assertEquals("tg", m.names().tags().get(0));
        assertEquals("fb0100fb0200010b", hex(m.functions().get(1).body()));
        assertTrue(m.withoutNames().names().isEmpty());
        assertEquals("unknown field $z", error("(type $s (struct)) (func (struct.get $s $z (ref.null $s)) drop)"));
        assertEquals("duplicate field $x", error("(type (struct (field $x i32) (field $x i32)))"));
        // Quoted ids are the same as plain ones with the same name.
        Module q = parse("(func $\"a b\") (func (call $\"a b\") (call $\"\\41\")) (func $A)");
        assertEquals("100010020b", hex(q.functions().get(1).body()));
        assertEquals("a b", q.names().functions().get(0));
    }

    @Test
    void importAndExportAbbreviations() {
        Module m = parse("""
                (func $a (export "a") (export "b") (import "m" "a") (param i32))
                (global (export "g") (import "m" "g") (mut i32))
                (memory (import "m" "mem") 1 2 shared)
                (table (export "t") (import "m" "t") i64 1 funcref)
                (tag (import "m" "e") (param i32))
                (func (export "f"))
                (export "a2" (func $a))
                """);
        assertEquals(5, m.imports().size());
        assertEquals(new ImportDesc.Func(0), m.imports().get(0).desc());
        assertEquals(new MemoryType(AddressType.I32, Limits.between(1, 2), true),
                ((ImportDesc.Memory) m.imports().get(2).desc()).type());
        assertEquals(AddressType.I64, ((ImportDesc.Table) m.imports().get(3).desc()).type().addressType());
        assertEquals(List.of(new Export("a", ExternKind.FUNC, 0), new Export("b", ExternKind.FUNC, 0),
                new Export("g", ExternKind.GLOBAL, 0), new Export("t", ExternKind.TABLE, 0),
                new Export("f", ExternKind.FUNC, 1), new Export("a2", ExternKind.FUNC, 0)), m.exports());
        assertEquals("import after function", error("(func) (import \"a\" \"b\" (func))"));
        assertEquals("import after memory", error("(memory 1) (import \"a\" \"b\" (memory 1))"));
        assertEquals("import after global", error("(func) (global i32 (i32.const 0)) (global (import \"a\" \"b\") i32)"));
        assertEquals("malformed UTF-8 encoding", error("(func (export \"\\ff\"))"));
    }

    @Test
    void memoryTableElemAndDataAbbreviations() {
        Module m = parse("(memory $m (data \"ab\" \"c\")) (memory i64 (data))");
        assertEquals(new MemoryType(AddressType.I32, Limits.between(1, 1), false), m.memories().get(0));
        assertEquals(new MemoryType(AddressType.I64, Limits.between(0, 0), false), m.memories().get(1));
        DataSegment d = m.datas().get(0);
        assertEquals(SegmentMode.ACTIVE, d.mode());
        assertEquals("41000b", hex(d.offset()));
        assertEquals("abc", new String(d.bytes()));
        assertEquals("42000b", hex(m.datas().get(1).offset()));
        assertEquals(1, m.datas().get(1).memory());

        Module t = parse("(func $f) (table $t funcref (elem $f $f)) (table 2 externref (ref.null extern))");
        assertEquals(Limits.between(2, 2), t.tables().get(0).type().limits());
        ElementSegment e = t.elements().get(0);
        assertEquals(RefType.FUNCREF, e.type());
        assertEquals(2, e.init().size());
        assertEquals("d2000b", hex(e.init().get(0)));
        assertEquals("d06f0b", hex(t.tables().get(1).init()));
        assertNull(t.tables().get(0).init());

        Module s = parse("""
                (table $t 4 funcref) (func $f)
                (elem (i32.const 0) $f)
                (elem (table $t) (offset (i32.const 1)) func $f)
                (elem funcref (ref.func $f) (item ref.null func))
                (elem declare func $f)
                (elem 0 (i32.const 2) 0)
                (memory 1) (data (memory 0) (i32.const 8) "x") (data "y") (data 0 (i32.const 9))
                """);
        RefType refFunc = RefType.of(false, AbsHeapType.FUNC);
        assertEquals(refFunc, s.elements().get(0).type());
        assertEquals(SegmentMode.ACTIVE, s.elements().get(1).mode());
        assertEquals("41010b", hex(s.elements().get(1).offset()));
        assertEquals(RefType.FUNCREF, s.elements().get(2).type());
        assertEquals("d0700b", hex(s.elements().get(2).init().get(1)));
        assertEquals(SegmentMode.DECLARATIVE, s.elements().get(3).mode());
        assertEquals(SegmentMode.ACTIVE, s.elements().get(4).mode());
        assertEquals(SegmentMode.PASSIVE, s.datas().get(1).mode());
        assertEquals("41090b", hex(s.datas().get(2).offset()));
        assertEquals(0, parse("(func) (start 0)").start().getAsInt());
        assertEquals("multiple start sections", error("(func) (start 0) (start 0)"));
    }

    @Test
    void typesOfEveryKind() {
        Module m = parse("""
                (rec (type $a (sub (struct (field (ref null $b))))) (type $b (sub final $a (struct (field (ref null $b)) (field i8 (mut i16))))))
                (type $arr (array (mut funcref)))
                (type $f (func (param (ref $arr) nullfuncref exnref) (result (ref null any) v128)))
                """);
        assertEquals(3, m.recTypes().size());
        assertEquals(2, m.recTypes().get(0).types().size());
        SubType b = m.type(1);
        assertTrue(b.isFinal());
        assertEquals(List.of(0), b.supertypes());
        assertFalse(m.type(0).isFinal());
        assertEquals(RefType.NULLFUNCREF, m.funcType(3).params().get(1));
        assertEquals(RefType.ANYREF, m.funcType(3).results().get(0));
    }

    @Test
    void numbersInInstructions() {
        assertEquals("417f1a428080808080808080807f1a0b",
                code("(func (drop (i32.const 0xffffffff)) (drop (i64.const -0x8000000000000000)))"));
        assertEquals("i32 constant out of range", error("(func (br 0x1_0000_0000))"));
        assertEquals("constant out of range", error("(func (i32.const 1.5) drop)"));
        assertEquals("constant out of range", error("(func (f32.const 1e39) drop)"));
        assertEquals("4300008040" + "1a0b", code("(func (drop (f32.const 4)))"));
    }

    @Test
    void annotationsCustomNameAndBranchHints() {
        Module m = parse("""
                (module $m (@name "Modül")
                  (@custom "a" (before global) "x")
                  (@custom "b" "y" "z")
                  (func $f (@name "λ"))
                  (@custom "c" (before first) "")
                  (@custom "d" (after func) ""))
                """);
        assertEquals("Modül", m.names().module());
        assertEquals("λ", m.names().functions().get(0));
        assertEquals(4, m.customSections().size());
        assertEquals(dev.jawa.module.SectionId.TAG, m.customSections().get(0).after());
        assertEquals("yz", new String(m.customSections().get(1).content()));
        assertEquals(dev.jawa.module.SectionId.DATA, m.customSections().get(1).after());
        assertNull(m.customSections().get(2).after());
        assertEquals(dev.jawa.module.SectionId.FUNCTION, m.customSections().get(3).after());

        Module h = parse("(func (param i32) (local i32) local.get 0 (@metadata.code.branch_hint \"\\01\") if end)");
        dev.jawa.module.CustomSection hints = h.customSections().get(0);
        assertEquals("metadata.code.branch_hint", hints.name());
        // one function (index 0), one hint: offset 3 (locals) + 2, size 1, value 1
        assertEquals("01000105" + "0101", HexFormat.of().formatHex(hints.content()));
        Module folded = parse("(func (param i32) (@metadata.code.branch_hint \"\\00\") (if (local.get 0) (then)))");
        assertEquals("01000103" + "0100", HexFormat.of().formatHex(folded.customSections().get(0).content()));

        assertEquals("misplaced @custom annotation", error("(func (@custom \"x\"))"));
        assertEquals("misplaced @name annotation", error("(module (func) (@name \"M\"))"));
        assertEquals("@name annotation: multiple module", error("(module (@name \"a\") (@name \"b\"))"));
        assertEquals("@custom annotation: missing section name", error("(@custom 4)"));
        assertEquals("@custom annotation: malformed section kind", error("(@custom \"x\" (after banana))"));
        assertEquals("@custom annotation: malformed placement", error("(@custom \"x\" (aft func))"));
        assertEquals("@custom annotation: unexpected token", error("(@custom \"x\" after)"));
        assertEquals("@metadata.code.branch_hint annotation: duplicate annotation",
                error("(func (@metadata.code.branch_hint \"\\00\") (@metadata.code.branch_hint \"\\00\") nop)"));
        assertEquals("@metadata.code.branch_hint annotation: not in a function",
                error("(@metadata.code.branch_hint \"\\00\") (func)"));
    }

    @Test
    void malformedTextReportsTheTestsuiteWording() {
        String[][] cases = {
            {"(func (local $x i32) (local $x i32))", "duplicate local"},
            {"(func $f) (func $f)", "duplicate func"},
            {"(func (call $nope))", "unknown function $nope"},
            {"(func (local.get $x))", "unknown local $x"},
            {"(func (nop) (foo))", "unknown operator foo"},
            {"(func (i32.add) (module))", "unexpected token"},
            {"(func (if (i32.const 0) (nop)))", "unexpected token"},
            {"(func block)", "unexpected token"},
            {"(func end)", "unexpected token"},
            {"(func (drop i32.const 0))", "unexpected token"},
            {"(memory 1) (func (memory.init $nope (i32.const 0) (i32.const 0) (i32.const 0)))", "unknown data segment"},
            {"(func (block (type $x)))", "unknown type $x"},
            {"(func", "unexpected token"},
            {"(func))", "unexpected token"},
            {"(module) (module)", "unexpected token"},
            {"(func \"a\"x)", "unknown operator"},
            {"(elem (i32.const 0) $nope)", "unknown function"},
        };
        for (String[] c : cases) {
            String reason = error(c[0]);
            assertTrue(reason.startsWith(c[1]), c[0] + " gave \"" + reason + "\"");
        }
        MalformedTextException e = assertThrows(MalformedTextException.class,
                () -> TextParser.parseModule("(module\n  (func\n    (call $g)))"));
        assertEquals(3, e.line());
        assertEquals(11, e.column());
    }

    @Test
    void deepNestingUsesNoJavaStack() {
        int n = 100_000;
        String folded = "(func " + "(block ".repeat(n) + ")".repeat(n) + ")";
        Module m = parse(folded);
        assertEquals(3L * n + 1, m.functions().get(0).body().length());
        String flat = "(func " + "block ".repeat(n) + "end ".repeat(n) + ")";
        assertEquals(m, parse(flat));
        String ifs = "(func " + "(if (i32.const 0) (then ".repeat(n) + "))".repeat(n) + ")";
        assertEquals(5L * n + 1, parse(ifs).functions().get(0).body().length());
        String adds = "(func (result i32) " + "(i32.add (i32.const 1) ".repeat(n) + "(i32.const 0)" + ")".repeat(n) + ")";
        assertEquals(3L * n + 3, parse(adds).functions().get(0).body().length());
        String deepLabel = "(func block $top " + "block ".repeat(n) + "br $top " + "end ".repeat(n) + "end)";
        assertTrue(hex(parse(deepLabel).functions().get(0).body()).contains("0ca08d06"));
    }

    @Test
    void hugeIndicesStayUnknown() {
        assertEquals("410011ffffffff0f000b",
                code("(type (func)) (table 1 funcref) (func (call_indirect (type 0xffffffff) (i32.const 0)))"));
        assertEquals(1, parse("(type (func)) (table 1 funcref) (func (call_indirect (type 0xffffffff) (i32.const 0)))")
                .typeCount());
        assertEquals("02ffffffff070b0b", code("(func (block (type 0xffffffff)))"));
        assertEquals(Integer.MAX_VALUE, ((dev.jawa.types.TypeIndex) ((RefType) parse("(func (param (ref 0xffffffff)))")
                .funcType(0).params().get(0)).heapType()).index());
    }

    @Test
    void bareFieldsAndModuleForms() {
        assertEquals(parse("(module (func))"), parse("(func)"));
        assertEquals(parse("(module $x (func))").withoutNames(), parse("(module definition $x (func))").withoutNames());
        assertEquals(0, parse("").functions().size());
        assertEquals(BlockType.EMPTY, BlockType.EMPTY);
    }
}
