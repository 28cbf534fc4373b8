package dev.jawa.binary;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import java.util.TreeMap;

/**
 * Reads the contents of the {@code name} custom section (spec appendix "Custom Sections", with
 * the extended subsections: 0 module, 1 functions, 2 locals, 3 labels, 4 types, 5 tables,
 * 6 memories, 7 globals, 8 element segments, 9 data segments, 10 fields, 11 tags).
 *
 * <p>Errors in a custom section never make a module malformed, so this returns null for any
 * section it cannot take apart exactly, and the decoder keeps it as a plain custom section
 * (which the encoder writes back byte for byte). That covers truncation, sizes that do not
 * match, subsections out of order or repeated, unknown subsection ids, indices not in strictly
 * increasing order, and indices too large for the model.
 */
final class NameSectionDecoding {

    /** The number of subsection ids this decoder knows. */
    static final int SUBSECTIONS = 12;

    private NameSectionDecoding() {
    }

    /** The names in {@code content[start, end)}, or null if the section is not well-formed. */
    static Names decode(byte[] content, int start, int end) {
        try {
            return read(new ByteReader(content, start, end, 0));
        } catch (MalformedModuleException e) {
            return null;
        }
    }

    private static Names read(ByteReader in) {
        Object[] parts = new Object[SUBSECTIONS];
        int lastId = -1;
        while (in.hasMore()) {
            int id = in.u8();
            if (id >= SUBSECTIONS || id <= lastId) {
                return null;
            }
            lastId = id;
            int size = in.vecLength();
            if (size > in.remaining()) {
                return null;
            }
            int end = in.position() + size;
            int outerLimit = in.limit();
            in.limit(end);
            parts[id] = switch (id) {
                case 0 -> in.name();
                case 2, 3, 10 -> indirectNameMap(in);
                default -> nameMap(in);
            };
            if (in.hasMore()) {
                return null;
            }
            in.limit(outerLimit);
        }
        return new Names((String) parts[0], map(parts[1]), indirect(parts[2]), indirect(parts[3]),
                map(parts[4]), map(parts[5]), map(parts[6]), map(parts[7]), map(parts[8]), map(parts[9]),
                indirect(parts[10]), map(parts[11]));
    }

    private static NameMap map(Object o) {
        return o == null ? NameMap.EMPTY : (NameMap) o;
    }

    private static IndirectNameMap indirect(Object o) {
        return o == null ? IndirectNameMap.EMPTY : (IndirectNameMap) o;
    }

    private static NameMap nameMap(ByteReader in) {
        int n = in.vecLength();
        TreeMap<Integer, String> names = new TreeMap<>();
        int last = -1;
        for (int i = 0; i < n; i++) {
            int index = increasingIndex(in, last);
            last = index;
            names.put(index, in.name());
        }
        return new NameMap(names);
    }

    private static IndirectNameMap indirectNameMap(ByteReader in) {
        int n = in.vecLength();
        TreeMap<Integer, NameMap> maps = new TreeMap<>();
        int last = -1;
        for (int i = 0; i < n; i++) {
            int index = increasingIndex(in, last);
            last = index;
            maps.put(index, nameMap(in));
        }
        return new IndirectNameMap(maps);
    }

    private static int increasingIndex(ByteReader in, int last) {
        int index = in.u32();
        if (index < 0 || index <= last) {
            throw in.error("name indices out of order");
        }
        return index;
    }
}
