package dev.jawa.text;

import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.Module;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import dev.jawa.types.StructType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The identifiers the printer uses, resolved once from the module's name section: for each index
 * space an array holding {@code $id} text or null (print the index).
 *
 * <p>The text format forbids two equal identifiers in one index space, so when the name section
 * gives one name to several indices only the lowest index gets it; the others print by index.
 * Names of indices outside their space and empty names are dropped too. Labels are the
 * exception: the text format lets an inner label shadow an outer one, so their names are kept
 * as they are (see {@link PrintCode} for how branches refer to them).
 */
final class PrintNames {

    private static final String[] NONE = new String[0];

    private final String module;
    private final String[] types;
    private final String[] funcs;
    private final String[] tables;
    private final String[] memories;
    private final String[] globals;
    private final String[] tags;
    private final String[] elems;
    private final String[] datas;
    private final IndirectNameMap locals;
    private final IndirectNameMap labels;
    private final IndirectNameMap fields;
    private final String[][] fieldIds;
    private final Module m;

    PrintNames(Module m) {
        this.m = m;
        Names n = m.names();
        module = PrintStrings.id(n.module());
        types = resolve(n.types(), m.typeCount());
        funcs = resolve(n.functions(), m.funcCount());
        tables = resolve(n.tables(), m.tableTypes().size());
        memories = resolve(n.memories(), m.memoryTypes().size());
        globals = resolve(n.globals(), m.globalTypes().size());
        tags = resolve(n.tags(), m.tagTypes().size());
        elems = resolve(n.elems(), m.elements().size());
        datas = resolve(n.datas(), m.datas().size());
        locals = n.locals();
        labels = n.labels();
        fields = n.fields();
        fieldIds = fields.isEmpty() ? null : new String[m.typeCount()][];
    }

    /**
     * Ids for indices {@code [0, count)} from {@code map}: an array no longer than the highest
     * named index + 1, with null where an index prints as a number.
     */
    static String[] resolve(NameMap map, long count) {
        if (map.isEmpty() || count <= 0) {
            return NONE;
        }
        int last = map.names().lastKey();
        if (last < 0) {
            return NONE;
        }
        int size = (int) Math.min(count, (long) last + 1);
        String[] ids = new String[size];
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Integer, String> e : map.names().entrySet()) {
            int i = e.getKey();
            if (i < 0 || i >= size) {
                continue;
            }
            String name = e.getValue();
            if (name != null && !name.isEmpty() && seen.add(name)) {
                ids[i] = PrintStrings.id(name);
            }
        }
        return ids;
    }

    private static String get(String[] ids, int i) {
        return i >= 0 && i < ids.length ? ids[i] : null;
    }

    /** The module's id, or null. */
    String module() {
        return module;
    }

    String type(int i) {
        return get(types, i);
    }

    String func(int i) {
        return get(funcs, i);
    }

    String table(int i) {
        return get(tables, i);
    }

    String memory(int i) {
        return get(memories, i);
    }

    String global(int i) {
        return get(globals, i);
    }

    String tag(int i) {
        return get(tags, i);
    }

    String elem(int i) {
        return get(elems, i);
    }

    String data(int i) {
        return get(datas, i);
    }

    /** Ids of function {@code funcIndex}'s parameters and locals, {@code count} of them in all. */
    String[] locals(int funcIndex, long count) {
        return resolve(locals.of(funcIndex), count);
    }

    /** Label names of function {@code funcIndex}, by label index (not deduplicated). */
    NameMap labels(int funcIndex) {
        return labels.of(funcIndex);
    }

    /** The id of field {@code field} of struct type {@code type}, or null. */
    String field(int type, int field) {
        if (fieldIds == null || type < 0 || type >= fieldIds.length) {
            return null;
        }
        String[] ids = fieldIds[type];
        if (ids == null) {
            int count = m.type(type).composite() instanceof StructType s ? s.fields().size() : 0;
            ids = resolve(fields.of(type), count);
            fieldIds[type] = ids;
        }
        return get(ids, field);
    }
}
