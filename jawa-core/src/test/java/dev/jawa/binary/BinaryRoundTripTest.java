package dev.jawa.binary;

import static dev.jawa.binary.Wasm.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.module.CustomSection;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import dev.jawa.module.SectionId;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.NumType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** decode(encode(m)) equals m, and encode(decode(b)) is b for canonical b. */
class BinaryRoundTripTest {

    private static void assertRoundTrips(byte[] canonical) {
        Module m = BinaryDecoder.decode(canonical);
        byte[] again = BinaryEncoder.encode(m);
        assertArrayEquals(canonical, again);
        assertEquals(m, BinaryDecoder.decode(again));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wabt/mvp.wasm", "wabt/features.wasm"})
    void wabtOutputIsReproducedByteForByte(String resource) {
        assertRoundTrips(SampleModules.resource(resource));
    }

    @Test
    void handWrittenGcModuleIsReproducedByteForByte() {
        assertRoundTrips(SampleModules.gc());
    }

    @Test
    void wabtNameSectionDecodesAndRoundTripsAsModel() {
        // wat2wasm --debug-names also writes an empty local-names entry for functions without
        // named locals, which the encoder leaves out: equal model, not equal bytes.
        Module m = BinaryDecoder.decode(SampleModules.resource("wabt/names.wasm"));
        Names n = m.names();
        assertEquals("named", n.module());
        assertEquals("identity", n.functions().get(0));
        assertEquals("value", n.locals().get(0, 0));
        assertEquals("unused", n.locals().get(0, 1));
        assertEquals("b", n.locals().get(1, 1));
        assertEquals("memory", n.memories().get(0));
        assertEquals("global", n.globals().get(0));
        assertEquals(m, BinaryDecoder.decode(BinaryEncoder.encode(m)));
    }

    @Test
    void elementSegmentsTakeTheMostCompactForm() {
        Expr offset = expr(0x41, 0x00, 0x0B);
        Expr refFunc3 = expr(0xD2, 0x03, 0x0B);
        Expr nullFunc = expr(0xD0, 0x70, 0x0B);
        RefType refFunc = RefType.of(false, AbsHeapType.FUNC);
        List<ElementSegment> segments = List.of(
                new ElementSegment(SegmentMode.ACTIVE, 0, offset, refFunc, List.of(refFunc3)),
                new ElementSegment(SegmentMode.ACTIVE, 0, offset, RefType.FUNCREF, List.of(refFunc3)),
                new ElementSegment(SegmentMode.ACTIVE, 1, offset, refFunc, List.of(refFunc3)),
                new ElementSegment(SegmentMode.ACTIVE, 0, offset, refFunc, List.of(refFunc3, nullFunc)),
                new ElementSegment(SegmentMode.PASSIVE, 0, null, RefType.FUNCREF, List.of(nullFunc)),
                new ElementSegment(SegmentMode.DECLARATIVE, 0, null, refFunc, List.of(refFunc3)),
                new ElementSegment(SegmentMode.ACTIVE, 0, offset, RefType.EXTERNREF, List.of()));
        Module.Builder b = Module.builder();
        segments.forEach(b::addElement);
        Module m = b.build();
        byte[] bytes = BinaryEncoder.encode(m);
        assertArrayEquals(Wasm.module(Wasm.section(9, Wasm.vec(
                b(0x00, 0x41, 0x00, 0x0B, 0x01, 0x03),
                b(0x04, 0x41, 0x00, 0x0B, 0x01, 0xD2, 0x03, 0x0B),
                b(0x02, 0x01, 0x41, 0x00, 0x0B, 0x00, 0x01, 0x03),
                b(0x06, 0x00, 0x41, 0x00, 0x0B, 0x64, 0x70, 0x02, 0xD2, 0x03, 0x0B, 0xD0, 0x70, 0x0B),
                b(0x05, 0x70, 0x01, 0xD0, 0x70, 0x0B),
                b(0x03, 0x00, 0x01, 0x03),
                b(0x06, 0x00, 0x41, 0x00, 0x0B, 0x6F, 0x00)))), bytes);
        assertEquals(m, BinaryDecoder.decode(bytes));
    }

    @Test
    void builtModuleRoundTripsWithNamesTablesAndCustomSections() {
        FuncType sig = new FuncType(List.of(NumType.I32), List.of());
        Names names = new Names("built", NameMap.of(Map.of(0, "f", 1, "g")),
                IndirectNameMap.of(Map.of(0, NameMap.of(Map.of(0, "x")))), IndirectNameMap.EMPTY,
                NameMap.of(Map.of(0, "sig")), NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY,
                NameMap.EMPTY, IndirectNameMap.EMPTY, NameMap.of(Map.of(7, "ü")));
        Module m = Module.builder()
                .addRecType(RecType.single(SubType.plain(sig)))
                .addFunction(new Function(0, List.of(new LocalGroup(3, NumType.F64)), expr(0x0B)))
                .addFunction(new Function(0, List.of(), expr(0x20, 0x00, 0x1A, 0x0B)))
                .addTable(new Table(new TableType(AddressType.I64, Limits.between(1, 1L << 40), RefType.FUNCREF),
                        expr(0xD2, 0x01, 0x0B)))
                .addCustomSection(new CustomSection("before", b(9), null))
                .addCustomSection(new CustomSection("after-table", b(), SectionId.TABLE))
                .addCustomSection(new CustomSection("after-data", b(1, 2), SectionId.DATA))
                .names(names)
                .build();
        byte[] bytes = BinaryEncoder.encode(m);
        Module back = BinaryDecoder.decode(bytes);
        assertEquals(m, back);
        assertArrayEquals(bytes, BinaryEncoder.encode(back));
    }

    @Test
    void customSectionAfterAnEmptySectionKeepsItsPlacement() {
        // An empty type section is written so that the custom section still follows it.
        Module m = Module.builder()
                .addCustomSection(new CustomSection("x", b(1), SectionId.TYPE))
                .build();
        byte[] bytes = BinaryEncoder.encode(m);
        assertArrayEquals(Wasm.module(Wasm.section(1, Wasm.vec()), Wasm.custom("x", b(1))), bytes);
        assertEquals(m, BinaryDecoder.decode(bytes));
    }

    @Test
    void dataCountIsWrittenExactlyWhenTheModelSaysSo() {
        Module without = Module.builder().build();
        Module with = Module.builder().hasDataCount(true).build();
        assertArrayEquals(Wasm.module(), BinaryEncoder.encode(without));
        assertArrayEquals(Wasm.module(Wasm.section(12, b(0))), BinaryEncoder.encode(with));
        assertTrue(BinaryDecoder.decode(BinaryEncoder.encode(with)).hasDataCount());
    }

    private static Expr expr(int... bytes) {
        return Expr.ofCanonical(b(bytes));
    }
}
