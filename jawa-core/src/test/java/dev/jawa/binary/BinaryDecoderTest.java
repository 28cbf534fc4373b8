package dev.jawa.binary;

import static dev.jawa.binary.Wasm.b;
import static dev.jawa.binary.Wasm.body;
import static dev.jawa.binary.Wasm.cat;
import static dev.jawa.binary.Wasm.custom;
import static dev.jawa.binary.Wasm.module;
import static dev.jawa.binary.Wasm.section;
import static dev.jawa.binary.Wasm.vec;
import static dev.jawa.binary.Wasm.voidType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.module.CustomSection;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Names;
import dev.jawa.module.SectionId;
import dev.jawa.module.SegmentMode;
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
import dev.jawa.types.TypeIndex;
import dev.jawa.types.VecType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decoder makes of well-formed modules. */
class BinaryDecoderTest {

    private static final RefType REF_FUNC = RefType.of(false, AbsHeapType.FUNC);

    private final Module gc = BinaryDecoder.decode(SampleModules.gc());

    private static byte[] bytes(dev.jawa.module.Expr e) {
        return e.toByteArray();
    }

    @Test
    void typesKeepRecursionGroupsSubtypingAndFields() {
        List<RecType> recs = gc.recTypes();
        assertEquals(4, recs.size());
        assertEquals(5, gc.typeCount());
        FieldType byteField = new FieldType(PackedType.I8, true);
        FieldType next = new FieldType(RefType.of(true, TypeIndex.of(1)), false);
        assertEquals(new SubType(false, List.of(), new StructType(List.of(byteField, next))), gc.type(0));
        assertEquals(new SubType(true, List.of(0), new StructType(List.of(byteField, next))), gc.type(1));
        assertEquals(SubType.plain(new ArrayType(new FieldType(PackedType.I16, true))), gc.type(2));
        assertEquals(new FuncType(List.of(RefType.of(false, TypeIndex.of(0)), NumType.I32), List.of(RefType.ANYREF)),
                gc.funcType(3));
        assertEquals(FuncType.EMPTY, gc.funcType(4));
    }

    @Test
    void importsOfEveryKind() {
        assertEquals(5, gc.imports().size());
        assertEquals(new ImportDesc.Func(4), gc.imports().get(0).desc());
        assertEquals(new ImportDesc.Table(new TableType(AddressType.I32, Limits.atLeast(1),
                RefType.of(true, TypeIndex.of(3)))), gc.imports().get(1).desc());
        assertEquals(new ImportDesc.Memory(new MemoryType(AddressType.I32, Limits.between(1, 2), true)),
                gc.imports().get(2).desc());
        assertEquals(new ImportDesc.Global(new GlobalType(NumType.I64, true)), gc.imports().get(3).desc());
        assertEquals(ExternKind.TAG, gc.imports().get(4).desc().kind());
        assertEquals("mem", gc.imports().get(2).name());
    }

    @Test
    void definitions() {
        assertEquals(2, gc.functions().size());
        assertEquals(3, gc.funcCount());
        assertNull(gc.tables().get(0).init());
        assertArrayEquals(b(0xD2, 0x00, 0x0B), bytes(gc.tables().get(1).init()));
        assertEquals(REF_FUNC, gc.tables().get(1).type().elementType());
        assertEquals(List.of(new MemoryType(AddressType.I64, Limits.atLeast(1), false)), gc.memories());
        assertEquals(4, gc.tags().getFirst().typeIndex());
        assertArrayEquals(b(0xFB, 0x01, 0x00, 0x0B), bytes(gc.globals().get(1).init()));
        assertEquals(List.of(new Export("f", ExternKind.FUNC, 2)), gc.exports());
        assertEquals(0, gc.start().getAsInt());
    }

    @Test
    void allEightElementFormsAreNormalized() {
        List<ElementSegment> es = gc.elements();
        assertEquals(8, es.size());
        ElementSegment form0 = es.get(0);
        assertEquals(SegmentMode.ACTIVE, form0.mode());
        assertEquals(0, form0.table());
        assertEquals(REF_FUNC, form0.type());
        assertArrayEquals(b(0xD2, 0x00, 0x0B), bytes(form0.init().getFirst()));
        assertEquals(SegmentMode.PASSIVE, es.get(1).mode());
        assertEquals(REF_FUNC, es.get(1).type());
        assertEquals(2, es.get(2).table());
        assertEquals(SegmentMode.DECLARATIVE, es.get(3).mode());
        assertEquals(RefType.FUNCREF, es.get(4).type());
        assertArrayEquals(b(0xD0, 0x70, 0x0B), bytes(es.get(4).init().getFirst()));
        assertEquals(RefType.FUNCREF, es.get(5).type());
        assertEquals(RefType.of(true, TypeIndex.of(3)), es.get(6).type());
        assertEquals(0, es.get(6).table());
        assertEquals(SegmentMode.DECLARATIVE, es.get(7).mode());
    }

    @Test
    void dataSegmentsAndDataCount() {
        assertTrue(gc.hasDataCount());
        List<DataSegment> ds = gc.datas();
        assertEquals(SegmentMode.ACTIVE, ds.get(0).mode());
        assertArrayEquals(b('a'), ds.get(0).bytes());
        assertEquals(SegmentMode.PASSIVE, ds.get(1).mode());
        assertEquals(1, ds.get(2).memory());
        assertArrayEquals(b(0x42, 0x00, 0x0B), bytes(ds.get(2).offset()));
    }

    @Test
    void codeKeepsLocalRunsAndBodies() {
        Function f = gc.functions().getFirst();
        assertEquals(List.of(new LocalGroup(2, NumType.I32), new LocalGroup(1, VecType.V128)), f.locals());
        assertEquals(0x0B, f.body().byteAt(f.body().length() - 1));
        assertEquals(0x1F, f.body().byteAt(0));
        assertArrayEquals(b(0x20, 0x00, 0xFB, 0x03, 0x00, 0x00, 0x1A, 0x20, 0x00, 0x0B),
                bytes(gc.functions().get(1).body()));
    }

    @Test
    void customSectionsKeepTheirPlacement() {
        List<CustomSection> cs = gc.customSections();
        assertEquals(3, cs.size());
        assertEquals(new CustomSection("first", b(1, 2, 3), null), cs.get(0));
        assertEquals(new CustomSection("mid", b(), SectionId.IMPORT), cs.get(1));
        assertEquals(new CustomSection("last", b(0xFF), SectionId.DATA), cs.get(2));
    }

    @Test
    void nameSectionWithEverySubsection() {
        Names n = gc.names();
        assertEquals("gc", n.module());
        assertEquals("imp", n.functions().get(0));
        assertEquals("body", n.functions().get(2));
        assertEquals("p", n.locals().get(2, 0));
        assertEquals("outer", n.labels().get(1, 0));
        assertEquals("node", n.types().get(0));
        assertEquals("t", n.tables().get(1));
        assertEquals("m64", n.memories().get(1));
        assertEquals("g", n.globals().get(0));
        assertEquals("e0", n.elems().get(0));
        assertEquals("d2", n.datas().get(2));
        assertEquals("next", n.fields().get(0, 1));
        assertEquals("exn", n.tags().get(0));
    }

    @Test
    void malformedNameSectionIsKeptAsCustomSection() {
        byte[] outOfOrder = SampleModules.subsection(1, vec(cat(b(1), Wasm.name("b")), cat(b(0), Wasm.name("a"))));
        Module m = BinaryDecoder.decode(module(custom("name", outOfOrder)));
        assertTrue(m.names().isEmpty());
        assertEquals(List.of(new CustomSection("name", outOfOrder, null)), m.customSections());
        byte[] truncated = b(1, 5, 1, 0);
        m = BinaryDecoder.decode(module(custom("name", truncated)));
        assertEquals(List.of(new CustomSection("name", truncated, null)), m.customSections());
        byte[] unknownSubsection = SampleModules.subsection(12, b());
        m = BinaryDecoder.decode(module(custom("name", unknownSubsection)));
        assertEquals(1, m.customSections().size());
    }

    @Test
    void twoNameSectionsAreBothKeptAsTheyAre() {
        byte[] first = SampleModules.subsection(0, Wasm.name("one"));
        byte[] second = SampleModules.subsection(0, Wasm.name("two"));
        byte[] input = module(custom("name", first), section(1, vec()), custom("name", second));
        Module m = BinaryDecoder.decode(input);
        assertTrue(m.names().isEmpty());
        assertEquals(List.of(new CustomSection("name", first, null), new CustomSection("name", second, SectionId.TYPE)),
                m.customSections());
        assertArrayEquals(input, BinaryEncoder.encode(m));
    }

    @Test
    void nonCanonicalCodeIsReencodedCanonically() {
        // i32.const 1 with a padded LEB128, a prefixed opcode with a padded code, an explicit
        // memory index 0 and (ref null func) in its long form.
        byte[] code = b(0x41, 0x81, 0x00, 0x1A, 0xFC, 0x80, 0x00, 0x43, 0, 0, 0, 0, 0x1A,
                0x41, 0x00, 0x28, 0x42, 0x00, 0x00, 0x1A, 0xD0, 0x70, 0x1A, 0x02, 0x63, 0x70, 0xD0, 0x70, 0x0B, 0x1A, 0x0B);
        Module m = BinaryDecoder.decode(module(voidType(), section(3, vec(b(0))), section(5, vec(b(0, 1))),
                section(10, vec(body(b(0), code)))));
        assertArrayEquals(b(0x41, 0x01, 0x1A, 0xFC, 0x00, 0x43, 0, 0, 0, 0, 0x1A,
                0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0xD0, 0x70, 0x1A, 0x02, 0x70, 0xD0, 0x70, 0x0B, 0x1A, 0x0B),
                bytes(m.functions().getFirst().body()));
    }

    @Test
    void emptySectionsAndSectionsWithPaddedSizesAreAccepted() {
        Module m = BinaryDecoder.decode(module(section(1, vec()), b(2, 0x81, 0x00, 0x00), section(10, vec())));
        assertEquals(0, m.typeCount());
        assertFalse(m.hasDataCount());
    }

    @Test
    void hugeDeclaredCountsFailAtOnce() {
        long t0 = System.nanoTime();
        for (int id : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13}) {
            byte[] input = module(b(id, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F));
            assertEquals("length out of bounds", reason(input));
        }
        // Counts that do fit the input fail when the bytes run out, having allocated little.
        assertEquals("unexpected end of section or function", reason(module(b(3, 3, 3, 0, 0))));
        assertEquals("too many locals", reason(module(voidType(), section(3, vec(b(0))),
                section(10, vec(body(b(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 1, 0x7F), b(0x0B)))))));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "huge counts must fail fast");
    }

    private static String reason(byte[] input) {
        try {
            BinaryDecoder.decode(input);
            return "decoded";
        } catch (dev.jawa.MalformedModuleException e) {
            return e.reason();
        }
    }
}
