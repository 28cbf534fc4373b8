package dev.jawa.binary;

import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import java.util.Map;

/**
 * Writes the contents of the {@code name} custom section: the subsections that have names, in
 * increasing id order (0 module, 1 functions, 2 locals, 3 labels, 4 types, 5 tables,
 * 6 memories, 7 globals, 8 element segments, 9 data segments, 10 fields, 11 tags), each map in
 * increasing index order. {@link NameSectionDecoding} reads back exactly this.
 */
final class NameSectionEncoding {

    private NameSectionEncoding() {
    }

    /** The section contents (without the section name). */
    static byte[] encode(Names names) {
        ByteWriter out = new ByteWriter();
        ByteWriter sub = new ByteWriter();
        if (names.module() != null) {
            sub.name(names.module());
            subsection(out, 0, sub);
        }
        map(out, sub, 1, names.functions());
        indirect(out, sub, 2, names.locals());
        indirect(out, sub, 3, names.labels());
        map(out, sub, 4, names.types());
        map(out, sub, 5, names.tables());
        map(out, sub, 6, names.memories());
        map(out, sub, 7, names.globals());
        map(out, sub, 8, names.elems());
        map(out, sub, 9, names.datas());
        indirect(out, sub, 10, names.fields());
        map(out, sub, 11, names.tags());
        return out.toByteArray();
    }

    private static void subsection(ByteWriter out, int id, ByteWriter sub) {
        out.u8(id);
        out.u32(sub.size());
        out.bytes(sub);
        sub.reset();
    }

    private static void map(ByteWriter out, ByteWriter sub, int id, NameMap m) {
        if (!m.isEmpty()) {
            nameMap(sub, m);
            subsection(out, id, sub);
        }
    }

    private static void indirect(ByteWriter out, ByteWriter sub, int id, IndirectNameMap m) {
        if (m.isEmpty()) {
            return;
        }
        sub.u32(m.maps().size());
        for (Map.Entry<Integer, NameMap> e : m.maps().entrySet()) {
            sub.u32(e.getKey());
            nameMap(sub, e.getValue());
        }
        subsection(out, id, sub);
    }

    private static void nameMap(ByteWriter out, NameMap m) {
        out.u32(m.names().size());
        for (Map.Entry<Integer, String> e : m.names().entrySet()) {
            out.u32(e.getKey());
            out.name(e.getValue());
        }
    }
}
