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
 * gives one name to several indices only the lowest index gets it as an id. Where the text
 * format has the {@code (@name "...")} annotation (the module, types, functions, tables,
 * memories, globals and tags), the others, and empty names, which no id can spell, keep their
 * name through the annotation; elsewhere they print by index and lose it. Names of indices
 * outside their space are dropped. Labels are the exception: the text format lets an inner label
 * shadow an outer one, so their names are kept as they are (see {@link PrintCode} for how
 * branches refer to them).
 */
final class PrintNames {

    private static final String[] NONE = new String[0];

    /** The ids of an index space, and the names only an {@code @name} annotation can carry. */
    record Space(String[] ids, String[] annotated) {

        static final Space NONE = new Space(PrintNames.NONE, PrintNames.NONE);

        /** The id of index {@code i}, or null. */
        String id(int i) {
            return get(ids, i);
        }

        /** The name of index {@code i} that needs an {@code @name} annotation, or null. */
        String annotated(int i) {
            return get(annotated, i);
        }
    }

    private final String module;
    private final String moduleAnnotated;
    private final Space types;
    private final Space funcs;
    private final Space tables;
    private final Space memories;
    private final Space globals;
    private final Space tags;
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
        moduleAnnotated = n.module() != null && module == null ? n.module() : null;
        types = space(n.types(), m.typeCount());
        funcs = space(n.functions(), m.funcCount());
        tables = space(n.tables(), m.tableTypes().size());
        memories = space(n.memories(), m.memoryTypes().size());
        globals = space(n.globals(), m.globalTypes().size());
        tags = space(n.tags(), m.tagTypes().size());
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
        return resolve(map, count, null);
    }

    /** As {@link #resolve(NameMap, long)}, with the names that get no id for {@code @name}. */
    private static Space space(NameMap map, long count) {
        if (map.isEmpty()) {
            return Space.NONE;
        }
        String[] annotated = new String[size(map, count)];
        return new Space(resolve(map, count, annotated), annotated);
    }

    private static int size(NameMap map, long count) {
        int last = map.isEmpty() ? -1 : map.names().lastKey();
        return last < 0 || count <= 0 ? 0 : (int) Math.min(count, (long) last + 1);
    }

    private static String[] resolve(NameMap map, long count, String[] annotated) {
        int size = size(map, count);
        if (size == 0) {
            return NONE;
        }
        String[] ids = new String[size];
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Integer, String> e : map.names().entrySet()) {
            int i = e.getKey();
            if (i < 0 || i >= size) {
                continue;
            }
            String name = e.getValue();
            if (name == null) {
                continue;
            }
            if (!name.isEmpty() && seen.add(name)) {
                ids[i] = PrintStrings.id(name);
            } else if (annotated != null) {
                annotated[i] = name;
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

    /** The module's name when it needs an {@code @name} annotation (it is empty), or null. */
    String moduleAnnotated() {
        return moduleAnnotated;
    }

    Space types() {
        return types;
    }

    Space funcs() {
        return funcs;
    }

    Space tables() {
        return tables;
    }

    Space memories() {
        return memories;
    }

    Space globals() {
        return globals;
    }

    Space tags() {
        return tags;
    }

    String type(int i) {
        return types.id(i);
    }

    String func(int i) {
        return funcs.id(i);
    }

    String table(int i) {
        return tables.id(i);
    }

    String memory(int i) {
        return memories.id(i);
    }

    String global(int i) {
        return globals.id(i);
    }

    String tag(int i) {
        return tags.id(i);
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
