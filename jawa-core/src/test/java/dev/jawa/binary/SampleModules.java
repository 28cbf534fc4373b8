package dev.jawa.binary;

import static dev.jawa.binary.Wasm.b;
import static dev.jawa.binary.Wasm.body;
import static dev.jawa.binary.Wasm.cat;
import static dev.jawa.binary.Wasm.custom;
import static dev.jawa.binary.Wasm.module;
import static dev.jawa.binary.Wasm.name;
import static dev.jawa.binary.Wasm.section;
import static dev.jawa.binary.Wasm.vec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Valid binary modules for decoder, encoder and fuzz tests. */
final class SampleModules {

    private SampleModules() {
    }

    /**
     * A hand-written module in canonical encoding using WebAssembly 3.0 features that wabt
     * cannot write: a recursion group with sub types, struct and array types with packed
     * fields, typed references, a table with an initializer, all eight element segment forms,
     * all three data segment forms, tags, try_table, br_on_cast, legacy try, custom sections at
     * three placements and a name section with every subsection.
     */
    static byte[] gc() {
        byte[] types = section(1, vec(
                cat(b(0x4E), vec(
                        b(0x50, 0x00, 0x5F, 0x02, 0x78, 0x01, 0x63, 0x01, 0x00),
                        b(0x4F, 0x01, 0x00, 0x5F, 0x02, 0x78, 0x01, 0x63, 0x01, 0x00))),
                b(0x5E, 0x77, 0x01),
                b(0x60, 0x02, 0x64, 0x00, 0x7F, 0x01, 0x6E),
                b(0x60, 0x00, 0x00)));
        byte[] imports = section(2, vec(
                cat(name("m"), name("f"), b(0x00, 0x04)),
                cat(name("m"), name("t"), b(0x01, 0x63, 0x03, 0x00, 0x01)),
                cat(name("m"), name("mem"), b(0x02, 0x03, 0x01, 0x02)),
                cat(name("m"), name("g"), b(0x03, 0x7E, 0x01)),
                cat(name("m"), name("e"), b(0x04, 0x00, 0x04))));
        byte[] functions = section(3, vec(b(0x04), b(0x03)));
        byte[] tables = section(4, vec(
                b(0x70, 0x00, 0x01),
                b(0x40, 0x00, 0x64, 0x70, 0x00, 0x01, 0xD2, 0x00, 0x0B)));
        byte[] memories = section(5, vec(b(0x04, 0x01)));
        byte[] tags = section(13, vec(b(0x00, 0x04)));
        byte[] globals = section(6, vec(
                b(0x7F, 0x00, 0x41, 0x2A, 0x0B),
                b(0x64, 0x00, 0x00, 0xFB, 0x01, 0x00, 0x0B)));
        byte[] exports = section(7, vec(cat(name("f"), b(0x00, 0x02))));
        byte[] start = section(8, b(0x00));
        byte[] elements = section(9, vec(
                b(0x00, 0x41, 0x00, 0x0B, 0x01, 0x00),
                b(0x01, 0x00, 0x01, 0x01),
                b(0x02, 0x02, 0x41, 0x00, 0x0B, 0x00, 0x01, 0x01),
                b(0x03, 0x00, 0x01, 0x01),
                b(0x04, 0x41, 0x00, 0x0B, 0x01, 0xD0, 0x70, 0x0B),
                b(0x05, 0x70, 0x01, 0xD2, 0x00, 0x0B),
                b(0x06, 0x00, 0x41, 0x00, 0x0B, 0x63, 0x03, 0x01, 0xD0, 0x03, 0x0B),
                b(0x07, 0x70, 0x01, 0xD2, 0x01, 0x0B)));
        byte[] dataCount = section(12, b(0x03));
        byte[] code = section(10, vec(
                body(vec(b(0x02, 0x7F), b(0x01, 0x7B)), b(
                        0x1F, 0x40, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x0B,
                        0x02, 0x6E, 0xD0, 0x6E, 0xFB, 0x18, 0x03, 0x00, 0x6E, 0x6B, 0x0B, 0x1A,
                        0x06, 0x40, 0x07, 0x00, 0x19, 0x0B,
                        0x06, 0x40, 0x18, 0x00,
                        0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x01, 0x00,
                        0xFC, 0x09, 0x02,
                        0x0B)),
                body(vec(), b(0x20, 0x00, 0xFB, 0x03, 0x00, 0x00, 0x1A, 0x20, 0x00, 0x0B))));
        byte[] data = section(11, vec(
                b(0x00, 0x41, 0x00, 0x0B, 0x01, 0x61),
                b(0x01, 0x01, 0x62),
                b(0x02, 0x01, 0x42, 0x00, 0x0B, 0x01, 0x63)));
        byte[] names = custom("name",
                subsection(0, name("gc")),
                subsection(1, vec(cat(b(0), name("imp")), cat(b(2), name("body")))),
                subsection(2, vec(cat(b(2), vec(cat(b(0), name("p")))))),
                subsection(3, vec(cat(b(1), vec(cat(b(0), name("outer")))))),
                subsection(4, vec(cat(b(0), name("node")))),
                subsection(5, vec(cat(b(1), name("t")))),
                subsection(6, vec(cat(b(1), name("m64")))),
                subsection(7, vec(cat(b(0), name("g")))),
                subsection(8, vec(cat(b(0), name("e0")))),
                subsection(9, vec(cat(b(2), name("d2")))),
                subsection(10, vec(cat(b(0), vec(cat(b(0), name("byte")), cat(b(1), name("next")))))),
                subsection(11, vec(cat(b(0), name("exn")))));
        return module(custom("first", b(1, 2, 3)), types, imports, custom("mid"), functions, tables,
                memories, tags, globals, exports, start, elements, dataCount, code, data, names,
                custom("last", b(0xFF)));
    }

    /** A name-section subsection. */
    static byte[] subsection(int id, byte[] contents) {
        return cat(b(id), Wasm.u32(contents.length), contents);
    }

    /** A test resource's bytes. */
    static byte[] resource(String name) {
        try (InputStream in = SampleModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules wat2wasm wrote from the .wat files beside them. */
    static final String[] WABT = {"wabt/mvp.wasm", "wabt/features.wasm"};
}
