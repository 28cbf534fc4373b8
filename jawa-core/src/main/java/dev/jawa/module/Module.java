package dev.jawa.module;

import dev.jawa.types.CompositeType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.MemoryType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A decoded WebAssembly module: the same immutable model whether it came from the binary or the
 * text format. It is not necessarily valid; validation is a separate step.
 *
 * <p>Lists hold the module's own definitions; the index spaces of functions, tables, memories,
 * globals and tags start with the imports of that kind (see {@link #funcTypeIndex(int)} and
 * friends).
 */
public final class Module {

    private final List<RecType> recTypes;
    private final List<Import> imports;
    private final List<Function> functions;
    private final List<Table> tables;
    private final List<MemoryType> memories;
    private final List<TagType> tags;
    private final List<Global> globals;
    private final List<Export> exports;
    private final OptionalInt start;
    private final List<ElementSegment> elements;
    private final boolean hasDataCount;
    private final List<DataSegment> datas;
    private final List<CustomSection> customSections;
    private final Names names;

    // Derived, for constant-time index lookups.
    private final SubType[] flatTypes;
    private final int[] importedFuncTypes;
    private final List<TableType> tableTypes;
    private final List<MemoryType> memoryTypes;
    private final List<GlobalType> globalTypes;
    private final List<TagType> tagTypes;

    private Module(Builder b) {
        recTypes = List.copyOf(b.recTypes);
        imports = List.copyOf(b.imports);
        functions = List.copyOf(b.functions);
        tables = List.copyOf(b.tables);
        memories = List.copyOf(b.memories);
        tags = List.copyOf(b.tags);
        globals = List.copyOf(b.globals);
        exports = List.copyOf(b.exports);
        start = b.start;
        elements = List.copyOf(b.elements);
        hasDataCount = b.hasDataCount;
        datas = List.copyOf(b.datas);
        customSections = List.copyOf(b.customSections);
        names = b.names;

        List<SubType> flat = new ArrayList<>();
        for (RecType r : recTypes) {
            flat.addAll(r.types());
        }
        flatTypes = flat.toArray(SubType[]::new);
        List<Integer> funcs = new ArrayList<>();
        List<TableType> tts = new ArrayList<>();
        List<MemoryType> mts = new ArrayList<>();
        List<GlobalType> gts = new ArrayList<>();
        List<TagType> tgs = new ArrayList<>();
        for (Import i : imports) {
            switch (i.desc()) {
                case ImportDesc.Func f -> funcs.add(f.typeIndex());
                case ImportDesc.Table t -> tts.add(t.type());
                case ImportDesc.Memory m -> mts.add(m.type());
                case ImportDesc.Global g -> gts.add(g.type());
                case ImportDesc.Tag t -> tgs.add(t.type());
            }
        }
        importedFuncTypes = funcs.stream().mapToInt(Integer::intValue).toArray();
        for (Table t : tables) {
            tts.add(t.type());
        }
        mts.addAll(memories);
        for (Global g : globals) {
            gts.add(g.type());
        }
        tgs.addAll(tags);
        tableTypes = List.copyOf(tts);
        memoryTypes = List.copyOf(mts);
        globalTypes = List.copyOf(gts);
        tagTypes = List.copyOf(tgs);
    }

    /** A builder for a module. */
    public static Builder builder() {
        return new Builder();
    }

    /** The recursion groups of the type section, in order. */
    public List<RecType> recTypes() {
        return recTypes;
    }

    /** The number of types (the size of the type index space, across all recursion groups). */
    public int typeCount() {
        return flatTypes.length;
    }

    /** The type with index {@code index} in the flattened type index space. */
    public SubType type(int index) {
        return flatTypes[index];
    }

    /**
     * The function type with index {@code index}, or null if that index names a struct or array
     * type. Throws IndexOutOfBoundsException if there is no such type.
     */
    public FuncType funcType(int index) {
        CompositeType c = flatTypes[index].composite();
        return c instanceof FuncType f ? f : null;
    }

    public List<Import> imports() {
        return imports;
    }

    /** The functions defined in this module (the function and code sections together). */
    public List<Function> functions() {
        return functions;
    }

    /** The tables defined in this module. */
    public List<Table> tables() {
        return tables;
    }

    /** The memories defined in this module. */
    public List<MemoryType> memories() {
        return memories;
    }

    /** The tags defined in this module. */
    public List<TagType> tags() {
        return tags;
    }

    /** The globals defined in this module. */
    public List<Global> globals() {
        return globals;
    }

    public List<Export> exports() {
        return exports;
    }

    /** The start function's index, if there is one. */
    public OptionalInt start() {
        return start;
    }

    public List<ElementSegment> elements() {
        return elements;
    }

    /** Whether the module has a data count section (needed when code uses data indices). */
    public boolean hasDataCount() {
        return hasDataCount;
    }

    public List<DataSegment> datas() {
        return datas;
    }

    /** The custom sections other than {@code name}, with their placement. */
    public List<CustomSection> customSections() {
        return customSections;
    }

    /** The decoded name section ({@link Names#EMPTY} if there is none). */
    public Names names() {
        return names;
    }

    /** The number of imported functions: defined function {@code i} has index {@code i + this}. */
    public int importedFuncCount() {
        return importedFuncTypes.length;
    }

    /** The size of the function index space. */
    public int funcCount() {
        return importedFuncTypes.length + functions.size();
    }

    /** The type index of function {@code funcIndex} (imports first). */
    public int funcTypeIndex(int funcIndex) {
        int n = importedFuncTypes.length;
        return funcIndex < n ? importedFuncTypes[funcIndex] : functions.get(funcIndex - n).typeIndex();
    }

    /** The types of every table in the index space (imports first). */
    public List<TableType> tableTypes() {
        return tableTypes;
    }

    /** The types of every memory in the index space (imports first). */
    public List<MemoryType> memoryTypes() {
        return memoryTypes;
    }

    /** The types of every global in the index space (imports first). */
    public List<GlobalType> globalTypes() {
        return globalTypes;
    }

    /** The types of every tag in the index space (imports first). */
    public List<TagType> tagTypes() {
        return tagTypes;
    }

    /** The number of imports of {@code kind}. */
    public int importCount(ExternKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.desc().kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** A builder holding everything this module holds, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.recTypes.addAll(recTypes);
        b.imports.addAll(imports);
        b.functions.addAll(functions);
        b.tables.addAll(tables);
        b.memories.addAll(memories);
        b.tags.addAll(tags);
        b.globals.addAll(globals);
        b.exports.addAll(exports);
        b.start = start;
        b.elements.addAll(elements);
        b.hasDataCount = hasDataCount;
        b.datas.addAll(datas);
        b.customSections.addAll(customSections);
        b.names = names;
        return b;
    }

    /** This module without its name section (what {@code wat2wasm} writes by default). */
    public Module withoutNames() {
        return names.isEmpty() ? this : toBuilder().names(Names.EMPTY).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Module m
                && recTypes.equals(m.recTypes)
                && imports.equals(m.imports)
                && functions.equals(m.functions)
                && tables.equals(m.tables)
                && memories.equals(m.memories)
                && tags.equals(m.tags)
                && globals.equals(m.globals)
                && exports.equals(m.exports)
                && start.equals(m.start)
                && elements.equals(m.elements)
                && hasDataCount == m.hasDataCount
                && datas.equals(m.datas)
                && customSections.equals(m.customSections)
                && names.equals(m.names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recTypes, imports, functions, tables, memories, tags, globals, exports,
                start, elements, hasDataCount, datas, customSections, names);
    }

    @Override
    public String toString() {
        return "Module[" + typeCount() + " types, " + imports.size() + " imports, "
                + functions.size() + " functions, " + exports.size() + " exports]";
    }

    /** Collects a module's parts; {@link #build()} makes the immutable module. */
    public static final class Builder {
        private final List<RecType> recTypes = new ArrayList<>();
        private final List<Import> imports = new ArrayList<>();
        private final List<Function> functions = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<MemoryType> memories = new ArrayList<>();
        private final List<TagType> tags = new ArrayList<>();
        private final List<Global> globals = new ArrayList<>();
        private final List<Export> exports = new ArrayList<>();
        private OptionalInt start = OptionalInt.empty();
        private final List<ElementSegment> elements = new ArrayList<>();
        private boolean hasDataCount;
        private final List<DataSegment> datas = new ArrayList<>();
        private final List<CustomSection> customSections = new ArrayList<>();
        private Names names = Names.EMPTY;

        private Builder() {
        }

        public Builder addRecType(RecType t) {
            recTypes.add(t);
            return this;
        }

        public Builder addImport(Import i) {
            imports.add(i);
            return this;
        }

        public Builder addFunction(Function f) {
            functions.add(f);
            return this;
        }

        public Builder addTable(Table t) {
            tables.add(t);
            return this;
        }

        public Builder addMemory(MemoryType m) {
            memories.add(m);
            return this;
        }

        public Builder addTag(TagType t) {
            tags.add(t);
            return this;
        }

        public Builder addGlobal(Global g) {
            globals.add(g);
            return this;
        }

        public Builder addExport(Export e) {
            exports.add(e);
            return this;
        }

        public Builder start(int funcIndex) {
            start = OptionalInt.of(funcIndex);
            return this;
        }

        /** Drops the element segments added so far (to replace them in a derived copy). */
        public Builder clearElements() {
            elements.clear();
            return this;
        }

        public Builder addElement(ElementSegment e) {
            elements.add(e);
            return this;
        }

        public Builder hasDataCount(boolean present) {
            hasDataCount = present;
            return this;
        }

        public Builder addData(DataSegment d) {
            datas.add(d);
            return this;
        }

        public Builder addCustomSection(CustomSection c) {
            customSections.add(c);
            return this;
        }

        public Builder names(Names n) {
            names = Objects.requireNonNull(n);
            return this;
        }

        /** The immutable module. */
        public Module build() {
            return new Module(this);
        }
    }
}
