package dev.jawa.module;

/**
 * The contents of the {@code name} custom section (with the extended-name-section subsections),
 * used for printing and for stack traces. {@code module} is null when there is no module name.
 */
public record Names(
        String module,
        NameMap functions,
        IndirectNameMap locals,
        IndirectNameMap labels,
        NameMap types,
        NameMap tables,
        NameMap memories,
        NameMap globals,
        NameMap elems,
        NameMap datas,
        IndirectNameMap fields,
        NameMap tags) {

    /** No names at all. */
    public static final Names EMPTY = new Names(null, NameMap.EMPTY, IndirectNameMap.EMPTY,
            IndirectNameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY, NameMap.EMPTY,
            NameMap.EMPTY, NameMap.EMPTY, IndirectNameMap.EMPTY, NameMap.EMPTY);

    /** Whether there is nothing to write in a name section. */
    public boolean isEmpty() {
        return module == null && functions.isEmpty() && locals.isEmpty() && labels.isEmpty()
                && types.isEmpty() && tables.isEmpty() && memories.isEmpty() && globals.isEmpty()
                && elems.isEmpty() && datas.isEmpty() && fields.isEmpty() && tags.isEmpty();
    }
}
