package dev.jawa.binary;

import static dev.jawa.binary.Wasm.b;
import static dev.jawa.binary.Wasm.body;
import static dev.jawa.binary.Wasm.cat;
import static dev.jawa.binary.Wasm.custom;
import static dev.jawa.binary.Wasm.module;
import static dev.jawa.binary.Wasm.name;
import static dev.jawa.binary.Wasm.section;
import static dev.jawa.binary.Wasm.u32;
import static dev.jawa.binary.Wasm.vec;
import static dev.jawa.binary.Wasm.voidType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.jawa.MalformedModuleException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every binary-format rule the decoder enforces, each with its reason (the reference
 * interpreter's wording) and the offset of the offending byte. The preamble takes bytes 0-7,
 * so the first section's id is at offset 8, its size at 9 and its contents at 10. Errors that
 * span sections are reported at the end of the input, UTF-8 errors at a name's first byte.
 */
class MalformedModuleTest {

    private static final byte[] PREAMBLE_ONLY = module();

    /** A module with one function of type [] -> [] whose body is {@code code}. */
    private static byte[] func(byte[] locals, byte[] code) {
        return module(voidType(), section(3, vec(b(0))), section(10, vec(body(locals, code))));
    }

    /** Offset of the first code byte of {@link #func(byte[], byte[])} with no locals. */
    private static final int CODE = 8 + 4 + 1 + 4 + 1 + 1 + 1 + 1 + 1 + 1;

    static Stream<Arguments> cases() {
        return Stream.of(
                // preamble
                arguments("empty input", b(), "unexpected end", 0),
                arguments("truncated magic", b(0x00, 0x61, 0x73), "unexpected end", 3),
                arguments("wrong magic", b(0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0), "magic header not detected", 0),
                arguments("truncated version", b(0x00, 0x61, 0x73, 0x6D, 1, 0, 0), "unexpected end", 7),
                arguments("version 2", b(0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0), "unknown binary version", 4),
                // section framing
                arguments("section id 14", module(b(14, 0)), "malformed section id", 8),
                arguments("section id with high bit", module(b(0x81, 0)), "malformed section id", 8),
                arguments("missing section size", module(b(1)), "unexpected end of section or function", 9),
                arguments("section size beyond input", module(b(1, 5, 0)), "length out of bounds", 9),
                arguments("section longer than its contents", module(b(1, 3, 0, 0, 0)), "section size mismatch", 10),
                arguments("section shorter than its contents", module(b(1, 1, 1, 0x60, 0, 0)),
                        "section size mismatch", 10),
                arguments("sections out of order", module(section(2, vec()), section(1, vec())),
                        "unexpected content after last section", 11),
                arguments("section repeated", module(section(5, vec()), section(5, vec())),
                        "unexpected content after last section", 11),
                arguments("data count after code", module(section(10, vec()), section(12, b(0))),
                        "unexpected content after last section", 11),
                arguments("custom section name beyond input", module(b(0, 1, 5)), "length out of bounds", 10),
                arguments("custom section name beyond section", module(b(0, 1, 3, 'a', 'b', 'c')),
                        "unexpected end of section or function", 14),
                arguments("custom section name not UTF-8", module(b(0, 2, 1, 0xFF)), "malformed UTF-8 encoding", 11),
                // integers
                arguments("u32 too large", module(b(3, 5, 0x80, 0x80, 0x80, 0x80, 0x10)), "integer too large", 14),
                arguments("u32 too long", module(b(3, 6, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)),
                        "integer representation too long", 14),
                arguments("huge vector", module(b(3, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)), "length out of bounds", 10),
                // cross-section consistency (reported at the end of the input)
                arguments("functions without code", module(voidType(), section(3, vec(b(0)))),
                        "function and code section have inconsistent lengths", 18),
                arguments("code without functions", module(section(10, vec(body(b(0), b(0x0B))))),
                        "function and code section have inconsistent lengths", 14),
                arguments("data count too large", module(section(12, b(2)), section(11, vec(b(1, 0)))),
                        "data count and data section have inconsistent lengths", 16),
                arguments("data count without data", module(section(12, b(1))),
                        "data count and data section have inconsistent lengths", 11),
                arguments("memory.init without data count",
                        func(b(0), b(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 0, 0x0B)), "data count section required", 34),
                arguments("data.drop without data count", func(b(0), b(0xFC, 9, 0, 0x0B)),
                        "data count section required", 27),
                // types
                arguments("unknown composite type", module(section(1, vec(b(0x40)))), "malformed definition type", 11),
                arguments("composite type code with continuation bit", module(section(1, vec(b(0xE0, 0x7F, 0, 0)))),
                        "integer representation too long", 12),
                arguments("unknown storage type", module(section(1, vec(b(0x5E, 0x01, 0)))), "malformed storage type", 12),
                arguments("field mutability 2", module(section(1, vec(b(0x5E, 0x78, 2)))), "malformed mutability", 13),
                arguments("unknown value type", module(section(1, vec(b(0x60, 1, 0x01, 0)))), "malformed value type", 13),
                arguments("heap type 0x40", module(section(1, vec(b(0x60, 1, 0x64, 0x40, 0)))), "malformed heap type", 14),
                arguments("supertype index beyond 2^31", module(section(1, vec(b(0x50, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x60, 0, 0)))),
                        "malformed type index", 13),
                // imports, tables, memories, tags, globals, exports
                arguments("import kind 5", module(section(2, vec(cat(name("m"), name("f"), b(5, 0))))),
                        "malformed import kind", 15),
                arguments("import name not UTF-8", module(section(2, vec(cat(b(1, 0x80), name("f"), b(0, 0))))),
                        "malformed UTF-8 encoding", 12),
                arguments("import name beyond input", module(section(2, b(1, 1))), "unexpected end of section or function", 12),
                arguments("table limits flag 2", module(section(4, vec(b(0x70, 2, 0, 0)))), "malformed limits flags", 12),
                arguments("memory limits flag 8", module(section(5, vec(b(8, 0)))), "malformed limits flags", 11),
                arguments("table with initializer, non-zero reserved byte", module(section(4, vec(b(0x40, 1, 0x70, 0, 0, 0xD0, 0x70, 0x0B)))),
                        "malformed reference type", 11),
                arguments("tag attribute 1", module(section(13, vec(b(1, 0)))), "zero byte expected", 11),
                arguments("global mutability 2", module(section(6, vec(b(0x7F, 2, 0x41, 0, 0x0B)))), "malformed mutability", 12),
                arguments("global initializer without end", module(section(6, vec(b(0x7F, 0, 0x41, 0)))),
                        "unexpected end of section or function", 15),
                arguments("export kind 5", module(section(7, vec(cat(name("e"), b(5, 0))))), "malformed export kind", 13),
                // segments
                arguments("element flags 8", module(section(9, vec(b(8)))), "malformed elements segment kind", 11),
                arguments("element kind 1", module(section(9, vec(b(1, 1, 0)))), "malformed element kind", 12),
                arguments("element type not a reference type", module(section(9, vec(b(5, 0x7F, 0)))),
                        "malformed reference type", 12),
                arguments("data flags 3", module(section(11, vec(b(3)))), "malformed data segment kind", 11),
                arguments("data bytes beyond input", module(section(11, vec(b(1, 9, 0)))), "length out of bounds", 12),
                // code
                arguments("too many locals", func(b(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 1, 0x7E), b(0x0B)),
                        "too many locals", 22),
                arguments("body without end at end of input", func(b(0), b(0x41, 0)),
                        "unexpected end of section or function", CODE + 2),
                arguments("body shorter than its size", module(voidType(), section(3, vec(b(0))),
                        section(10, vec(b(3, 0, 0x0B, 0x01)))), "section size mismatch", 22),
                arguments("else in a block", func(b(0), b(0x02, 0x40, 0x05, 0x0B, 0x0B)), "END opcode expected", CODE + 2),
                arguments("second else", func(b(0), b(0x41, 0, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B)),
                        "END opcode expected", CODE + 5),
                arguments("catch outside try", func(b(0), b(0x07, 0, 0x0B)), "END opcode expected", CODE),
                arguments("catch after catch_all", func(b(0), b(0x06, 0x40, 0x19, 0x07, 0, 0x0B, 0x0B)),
                        "END opcode expected", CODE + 3),
                arguments("delegate at function level", func(b(0), b(0x18, 0, 0x0B)), "END opcode expected", CODE),
                arguments("delegate after catch", func(b(0), b(0x06, 0x40, 0x07, 0, 0x18, 0, 0x0B)),
                        "END opcode expected", CODE + 4),
                arguments("illegal opcode", func(b(0), b(0x27, 0x0B)), "illegal opcode 27", CODE),
                arguments("illegal prefixed opcode", func(b(0), b(0xFC, 0x7F, 0x0B)), "illegal opcode fc 7f", CODE),
                arguments("memarg flags 0x80", func(b(0), b(0x41, 0, 0x28, 0x80, 0x01, 0, 0x1A, 0x0B)),
                        "malformed memop flags", CODE + 3),
                arguments("i32 constant too large", func(b(0), b(0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x1A, 0x0B)),
                        "integer too large", CODE + 5),
                arguments("br_table beyond input", func(b(0), b(0x0E, 0x7F)), "length out of bounds", CODE + 1),
                arguments("catch clause kind 4", func(b(0), b(0x1F, 0x40, 1, 4, 0, 0x0B, 0x0B)), "malformed catch clause", CODE + 3),
                arguments("bad section id after a custom section", cat(func(b(0), b(0x0B)), custom("x"), b(0x0E)),
                        "malformed section id", 28));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithReasonAndOffset(String description, byte[] input, String reason, int offset) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> BinaryDecoder.decode(input));
        assertEquals(reason, e.reason(), description);
        assertEquals(offset, e.offset(), description);
    }

    @org.junit.jupiter.api.Test
    void preambleAloneIsTheEmptyModule() {
        assertEquals(0, BinaryDecoder.decode(PREAMBLE_ONLY).functions().size());
    }
}
