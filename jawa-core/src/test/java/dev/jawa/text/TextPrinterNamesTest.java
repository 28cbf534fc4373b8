package dev.jawa.text;

import static dev.jawa.text.TextPrinterModuleTest.expr;
import static dev.jawa.text.TextPrinterModuleTest.i32Const;
import static dev.jawa.text.TextPrinterModuleTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names from the name section print as ids, at definitions and at uses. */
class TextPrinterNamesTest {

    private static Names names(String module, NameMap funcs, IndirectNameMap locals, IndirectNameMap labels,
            NameMap types, NameMap tables, NameMap memories, NameMap globals, NameMap elems, NameMap datas,
            IndirectNameMap fields, NameMap tags) {
        return new Names(module, funcs, locals, labels, types, tables, memories, globals, elems, datas, fields, tags);
    }

    /**
     * The module's text, after checking that it parses back to the module with {@code names}:
     * what the text cannot carry (or the parser does not record) is lost.
     */
    private static String printedLosing(Module m, Names names) {
        String text = TextPrinter.print(m);
        Module back = TextParser.parseModule(text);
        assertEquals(null, TextPrinterTestsuiteRoundTripTest.difference(m.toBuilder().names(names).build(), back), text);
        return text;
    }

    /** {@code n} with some maps replaced (null: keep) and no label names. */
    private static Names withNames(Names n, NameMap funcs, IndirectNameMap locals, NameMap elems, NameMap tags) {
        return new Names(n.module(), funcs != null ? funcs : n.functions(), locals != null ? locals : n.locals(),
                IndirectNameMap.EMPTY, n.types(), n.tables(), n.memories(), n.globals(),
                elems != null ? elems : n.elems(), n.datas(), n.fields(), tags != null ? tags : n.tags());
    }

    @Test
    void idsArePlainOrQuoted() {
        assertEquals("$abc", PrintStrings.id("abc"));
        assertEquals("$!#$%&'*+-./:<=>?@\\^_`|~09AZaz", PrintStrings.id("!#$%&'*+-./:<=>?@\\^_`|~09AZaz"));
        assertEquals("$\"a b\"", PrintStrings.id("a b"));
        assertEquals("$\"\\22q\\22\"", PrintStrings.id("\"q\""));
        assertEquals("$\"(x)\"", PrintStrings.id("(x)"));
        assertEquals("$\"a;b,c[d]{e}\"", PrintStrings.id("a;b,c[d]{e}"));
        assertEquals("$\"tab\\09nl\\0a\"", PrintStrings.id("tab\tnl\n"));
        assertEquals("$\"\\c3\\bc\"", PrintStrings.id("\u00fc"));
        assertNull(PrintStrings.id(""));
        assertNull(PrintStrings.id(null));
    }

    @Test
    void everyIndexSpacePrintsByName() {
        FuncType sig = new FuncType(List.of(NumType.I32), List.of());
        Names n = names("my module",
                NameMap.of(Map.of(0, "imp", 1, "main")),
                IndirectNameMap.of(Map.of(0, NameMap.of(Map.of(0, "p")),
                        1, NameMap.of(Map.of(0, "x", 2, "y")))),
                IndirectNameMap.of(Map.of(1, NameMap.of(Map.of(0, "outer", 1, "inner")))),
                NameMap.of(Map.of(0, "sig", 1, "pair")),
                NameMap.of(Map.of(0, "tab")),
                NameMap.of(Map.of(0, "mem")),
                NameMap.of(Map.of(0, "g")),
                NameMap.of(Map.of(0, "e")),
                NameMap.of(Map.of(0, "d")),
                IndirectNameMap.of(Map.of(1, NameMap.of(Map.of(1, "second")))),
                NameMap.of(Map.of(0, "oops")));
        Module m = Module.builder()
                .addRecType(plain(sig))
                .addRecType(RecType.single(SubType.plain(new StructType(List.of(
                        new FieldType(NumType.I32, false), new FieldType(NumType.I64, true))))))
                .addImport(new Import("env", "imp", new ImportDesc.Func(0)))
                .addFunction(new Function(0, List.of(new LocalGroup(2, NumType.I64)), expr(w -> {
                    w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);
                    w.op(Opcode.LOOP).blockType(BlockType.EMPTY);
                    w.op(Opcode.BR).u32(1);
                    w.op(Opcode.BR_IF).u32(0);
                    w.op(Opcode.BR_TABLE).u32(1).u32(0).u32(2);
                    w.op(Opcode.END);
                    w.op(Opcode.END);
                    w.op(Opcode.LOCAL_GET).u32(0);
                    w.op(Opcode.LOCAL_SET).u32(1);
                    w.op(Opcode.LOCAL_TEE).u32(2);
                    w.op(Opcode.CALL).u32(0);
                    w.op(Opcode.GLOBAL_GET).u32(0);
                    w.op(Opcode.TABLE_GET).u32(0);
                    w.op(Opcode.I32_LOAD).memarg(0, 2, 0);
                    w.op(Opcode.MEMORY_SIZE).u32(0);
                    w.op(Opcode.STRUCT_GET).u32(1).u32(1);
                    w.op(Opcode.STRUCT_GET).u32(1).u32(0);
                    w.op(Opcode.THROW).u32(0);
                    w.op(Opcode.ELEM_DROP).u32(0);
                    w.op(Opcode.DATA_DROP).u32(0);
                    w.op(Opcode.REF_NULL).heapType(TypeIndex.of(1));
                    w.op(Opcode.CALL_INDIRECT).u32(0).u32(0);
                })))
                .addTable(new Table(new TableType(AddressType.I32, Limits.atLeast(1), RefType.FUNCREF), null))
                .addMemory(new MemoryType(AddressType.I32, Limits.atLeast(1), false))
                .addTag(new TagType(0))
                .addGlobal(new Global(new GlobalType(NumType.I32, false), i32Const(0)))
                .addExport(new Export("main", ExternKind.FUNC, 1))
                .addExport(new Export("tab", ExternKind.TABLE, 0))
                .start(1)
                .addElement(new ElementSegment(SegmentMode.DECLARATIVE, 0, null,
                        new RefType(false, AbsHeapType.FUNC), List.of(TextPrinterModuleTest.refFunc(1))))
                .addData(new DataSegment(SegmentMode.ACTIVE, 0, i32Const(0), new byte[] {'a'}))
                .hasDataCount(true)
                .names(n)
                .build();
        assertEquals("""
                (module $"my module"
                  (type $sig (func (param i32)))
                  (type $pair (struct (field i32) (field $second (mut i64))))
                  (import "env" "imp" (func $imp (type $sig) (param $p i32)))
                  (func $main (type $sig) (param $x i32)
                    (local i64) (local $y i64)
                    block $outer
                      loop $inner
                        br $outer
                        br_if $inner
                        br_table $inner 2
                      end
                    end
                    local.get $x
                    local.set 1
                    local.tee $y
                    call $imp
                    global.get $g
                    table.get $tab
                    i32.load
                    memory.size
                    struct.get $pair $second
                    struct.get $pair 0
                    throw $oops
                    elem.drop $e
                    data.drop $d
                    ref.null $pair
                    call_indirect (type $sig))
                  (table $tab 1 funcref)
                  (memory $mem 1)
                  (tag $oops (type $sig) (param i32))
                  (global $g i32 (i32.const 0))
                  (export "main" (func $main))
                  (export "tab" (table $tab))
                  (start $main)
                  (elem $e declare func $main)
                  (data $d (i32.const 0) "a"))
                """, printedLosing(m, withNames(n, null, IndirectNameMap.of(Map.of(1, n.locals().of(1))), null, null)));
    }

    @Test
    void duplicateAndEmptyNamesKeepTheirNameInAnAnnotation() {
        Names n = names("", NameMap.of(Map.of(0, "f", 1, "f", 2, "", 3, "g", 7, "out of range")),
                IndirectNameMap.EMPTY, IndirectNameMap.EMPTY, NameMap.of(Map.of(0, "t", 1, "t")), NameMap.EMPTY,
                NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, IndirectNameMap.EMPTY, NameMap.EMPTY);
        Module.Builder b = Module.builder().addRecType(plain(FuncType.EMPTY)).addRecType(plain(FuncType.EMPTY));
        for (int i = 0; i < 4; i++) {
            int callee = i;
            b.addFunction(new Function(0, List.of(), expr(w -> w.op(Opcode.CALL).u32(callee))));
        }
        Module m = b.names(n).build();
        assertEquals("""
                (module (@name "")
                  (type $t (func))
                  (type (;1;) (@name "t") (func))
                  (func $f (type $t)
                    call $f)
                  (func (;1;) (@name "f") (type $t)
                    call 1)
                  (func (;2;) (@name "") (type $t)
                    call 2)
                  (func $g (type $t)
                    call $g))
                """, printedLosing(m, withNames(n, NameMap.of(Map.of(0, "f", 1, "f", 2, "", 3, "g")), null, null, null)));
    }

    @Test
    void duplicateNamesWithoutAnnotationFallBackToIndices() {
        Names n = names(null, NameMap.EMPTY,
                IndirectNameMap.of(Map.of(0, NameMap.of(Map.of(0, "x", 1, "x", 2, "")))),
                IndirectNameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY,
                NameMap.of(Map.of(0, "e", 1, "e")), NameMap.EMPTY, IndirectNameMap.EMPTY, NameMap.EMPTY);
        RefType refFunc = new RefType(false, AbsHeapType.FUNC);
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addFunction(new Function(0, List.of(new LocalGroup(3, NumType.I32)), expr(w -> {
                    w.op(Opcode.LOCAL_GET).u32(0);
                    w.op(Opcode.LOCAL_GET).u32(1);
                    w.op(Opcode.ELEM_DROP).u32(1);
                })))
                .addElement(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of()))
                .addElement(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of()))
                .names(n)
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (func (;0;) (type 0)
                    (local $x i32) (local i32 i32)
                    local.get $x
                    local.get 1
                    elem.drop 1)
                  (elem $e declare func)
                  (elem (;1;) declare func))
                """, printedLosing(m, withNames(n, null, IndirectNameMap.of(Map.of(0, NameMap.of(Map.of(0, "x")))),
                        NameMap.of(Map.of(0, "e")), null)));
    }

    @Test
    void shadowedLabelsAreReferencedByDepth() {
        Names n = names(null, NameMap.EMPTY, IndirectNameMap.EMPTY,
                IndirectNameMap.of(Map.of(0, NameMap.of(Map.of(0, "l", 1, "l", 2, "t", 3, "x")))),
                NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY,
                IndirectNameMap.EMPTY, NameMap.EMPTY);
        Module m = Module.builder()
                .addRecType(plain(FuncType.EMPTY))
                .addTag(new TagType(0))
                .addFunction(new Function(0, List.of(), expr(w -> {
                    w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);      // label 0: $l
                    w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);      // label 1: $l, shadows label 0
                    w.op(Opcode.BR).u32(1);
                    w.op(Opcode.BR).u32(0);
                    w.op(Opcode.TRY_TABLE).blockType(BlockType.EMPTY)   // label 2: $t
                            .u32(2);
                    w.catchClause(new Catch(Catch.Kind.CATCH, 0, 0));
                    w.catchClause(new Catch(Catch.Kind.CATCH_ALL_REF, 0, 1));
                    w.op(Opcode.BR).u32(0);
                    w.op(Opcode.END);
                    w.op(Opcode.END);
                    w.op(Opcode.BR).u32(0);
                    w.op(Opcode.END);
                    w.op(Opcode.TRY).blockType(BlockType.EMPTY);        // label 3: $x
                    w.op(Opcode.RETHROW).u32(0);
                    w.op(Opcode.DELEGATE).u32(0);
                })))
                .names(n)
                .build();
        assertEquals("""
                (module
                  (type (;0;) (func))
                  (func (;0;) (type 0)
                    block $l
                      block $l
                        br 1
                        br $l
                        try_table $t (catch 0 $l) (catch_all_ref 1)
                          br $t
                        end
                      end
                      br $l
                    end
                    try $x
                      rethrow $x
                    delegate 0)
                  (tag (;0;) (type 0)))
                """, TextPrinterModuleTest.printed(m));
    }
}
