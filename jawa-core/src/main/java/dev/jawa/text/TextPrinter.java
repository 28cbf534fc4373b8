package dev.jawa.text;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.CustomSection;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.MemoryType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import dev.jawa.types.ValType;
import java.util.List;

/**
 * Prints a {@link Module} in the text format, laid out like wabt's {@code wasm2wat}, which
 * {@link TextParser} reads back to an equal module.
 *
 * <p>Module fields come one per line in binary section order, unnamed definitions carry an
 * {@code (;N;)} index comment, function bodies are flat (one instruction per line, two more
 * spaces per block level). Whatever the name section names prints by {@code $id} (quoted as
 * {@code $"..."} when the name is not a plain id), everything else by index; names that cannot
 * be ids (duplicates, empty names) keep their name in a {@code (@name "...")} annotation where
 * the text format has one (see {@link PrintNames}). Custom sections print last as
 * {@code (@custom "name" (after section) "bytes")} annotations.
 */
public final class TextPrinter {

    /**
     * More locals than this in one function are refused: the text format spells every local
     * out, so a module declaring billions of them (which no engine accepts) has no printable
     * form of sensible size.
     */
    static final long MAX_PRINTED_LOCALS = 1L << 24;

    private static final int FIELD_INDENT = 2;
    private static final int BODY_INDENT = 4;
    private static final RefType REF_FUNC = new RefType(false, AbsHeapType.FUNC);

    private final Module m;
    private final StringBuilder sb;
    private final PrintNames names;
    private final PrintCode code;

    private TextPrinter(Module m) {
        this.m = m;
        this.sb = new StringBuilder(4096);
        this.names = new PrintNames(m);
        this.code = new PrintCode(sb, names);
    }

    /**
     * The module as WAT text.
     *
     * @throws IllegalArgumentException if a function declares more than 2^24 locals
     */
    public static String print(Module module) {
        TextPrinter p = new TextPrinter(module);
        p.module();
        return p.sb.toString();
    }

    private void module() {
        sb.append("(module");
        if (names.module() != null) {
            sb.append(' ').append(names.module());
        } else if (names.moduleAnnotated() != null) {
            nameAnnotation(names.moduleAnnotated());
        }
        types();
        imports();
        functions();
        tables();
        memories();
        tags();
        globals();
        exports();
        start();
        elements();
        datas();
        customSections();
        sb.append(")\n");
    }

    /** Starts a module field on a new line. */
    private void field() {
        sb.append('\n').append("  ", 0, FIELD_INDENT);
    }

    /** A space, then the id of a definition, or its index as a comment {@code (;N;)}. */
    private void defId(String id, int index) {
        sb.append(' ');
        if (id != null) {
            sb.append(id);
        } else {
            sb.append("(;");
            PrintNumbers.appendU32(sb, index);
            sb.append(";)");
        }
    }

    /**
     * {@link #defId(String, int)} for an index space with {@code @name} annotations: a name that
     * cannot be the id (a duplicate, or empty) follows as {@code (@name "...")}.
     */
    private void defId(PrintNames.Space space, int index) {
        defId(space.id(index), index);
        String annotated = space.annotated(index);
        if (annotated != null) {
            nameAnnotation(annotated);
        }
    }

    private void nameAnnotation(String name) {
        sb.append(" (@name ");
        PrintStrings.appendName(sb, name);
        sb.append(')');
    }

    private void index(String id, int index) {
        PrintTypes.appendIndex(sb, id, index);
    }

    // ---- types ----

    private void types() {
        int index = 0;
        for (RecType rec : m.recTypes()) {
            field();
            List<SubType> group = rec.types();
            if (group.size() == 1) {
                typeDef(group.get(0), index++);
                continue;
            }
            sb.append("(rec");
            for (SubType st : group) {
                sb.append("\n    ");
                typeDef(st, index++);
            }
            sb.append(')');
        }
    }

    private void typeDef(SubType st, int index) {
        sb.append("(type");
        defId(names.types(), index);
        sb.append(' ');
        if (st.isPlain()) {
            composite(st.composite(), index);
        } else {
            sb.append("(sub");
            if (st.isFinal()) {
                sb.append(" final");
            }
            for (int s : st.supertypes()) {
                sb.append(' ');
                index(names.type(s), s);
            }
            sb.append(' ');
            composite(st.composite(), index);
            sb.append(')');
        }
        sb.append(')');
    }

    private void composite(CompositeType c, int typeIndex) {
        switch (c) {
            case FuncType f -> {
                sb.append("(func");
                params(f.params(), null);
                results(f.results());
                sb.append(')');
            }
            case StructType s -> {
                sb.append("(struct");
                List<FieldType> fields = s.fields();
                for (int i = 0; i < fields.size(); i++) {
                    sb.append(" (field ");
                    String id = names.field(typeIndex, i);
                    if (id != null) {
                        sb.append(id).append(' ');
                    }
                    PrintTypes.appendFieldType(sb, names, fields.get(i));
                    sb.append(')');
                }
                sb.append(')');
            }
            case ArrayType a -> {
                sb.append("(array ");
                PrintTypes.appendFieldType(sb, names, a.element());
                sb.append(')');
            }
        }
    }

    /** Parameters: named ones one per {@code (param $id t)}, runs of unnamed ones together. */
    private void params(List<ValType> params, String[] ids) {
        boolean open = false;
        for (int i = 0; i < params.size(); i++) {
            String id = ids != null && i < ids.length ? ids[i] : null;
            if (id != null) {
                if (open) {
                    sb.append(')');
                    open = false;
                }
                sb.append(" (param ").append(id).append(' ');
                PrintTypes.appendValType(sb, names, params.get(i));
                sb.append(')');
            } else {
                sb.append(open ? " " : " (param ");
                open = true;
                PrintTypes.appendValType(sb, names, params.get(i));
            }
        }
        if (open) {
            sb.append(')');
        }
    }

    private void results(List<ValType> results) {
        if (results.isEmpty()) {
            return;
        }
        sb.append(" (result");
        for (ValType t : results) {
            sb.append(' ');
            PrintTypes.appendValType(sb, names, t);
        }
        sb.append(')');
    }

    /** The function type {@code typeIndex}, or null if it is out of range or not a function. */
    private FuncType funcType(int typeIndex) {
        return typeIndex >= 0 && typeIndex < m.typeCount() ? m.funcType(typeIndex) : null;
    }

    /** {@code (type x)}, then the signature spelled out when x is a function type. */
    private void typeUse(int typeIndex, String[] paramIds) {
        sb.append(" (type ");
        index(names.type(typeIndex), typeIndex);
        sb.append(')');
        FuncType f = funcType(typeIndex);
        if (f != null) {
            params(f.params(), paramIds);
            results(f.results());
        }
    }

    private void tableType(TableType t) {
        if (t.addressType() == AddressType.I64) {
            sb.append("i64 ");
        }
        PrintTypes.appendLimits(sb, t.limits());
        sb.append(' ');
        PrintTypes.appendRefType(sb, names, t.elementType());
    }

    private void memoryType(MemoryType t) {
        if (t.addressType() == AddressType.I64) {
            sb.append("i64 ");
        }
        PrintTypes.appendLimits(sb, t.limits());
        if (t.shared()) {
            sb.append(" shared");
        }
    }

    private void globalType(GlobalType t) {
        if (t.mutable()) {
            sb.append("(mut ");
            PrintTypes.appendValType(sb, names, t.valType());
            sb.append(')');
        } else {
            PrintTypes.appendValType(sb, names, t.valType());
        }
    }

    // ---- imports and definitions ----

    private void imports() {
        int funcs = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        int tags = 0;
        for (Import imp : m.imports()) {
            field();
            sb.append("(import ");
            PrintStrings.appendName(sb, imp.module());
            sb.append(' ');
            PrintStrings.appendName(sb, imp.name());
            sb.append(' ');
            switch (imp.desc()) {
                case ImportDesc.Func f -> {
                    int i = funcs++;
                    sb.append("(func");
                    defId(names.funcs(), i);
                    FuncType ft = funcType(f.typeIndex());
                    typeUse(f.typeIndex(), ft == null ? null : names.locals(i, ft.params().size()));
                }
                case ImportDesc.Table t -> {
                    int i = tables++;
                    sb.append("(table");
                    defId(names.tables(), i);
                    sb.append(' ');
                    tableType(t.type());
                }
                case ImportDesc.Memory mem -> {
                    int i = memories++;
                    sb.append("(memory");
                    defId(names.memories(), i);
                    sb.append(' ');
                    memoryType(mem.type());
                }
                case ImportDesc.Global g -> {
                    int i = globals++;
                    sb.append("(global");
                    defId(names.globals(), i);
                    sb.append(' ');
                    globalType(g.type());
                }
                case ImportDesc.Tag t -> {
                    int i = tags++;
                    sb.append("(tag");
                    defId(names.tags(), i);
                    typeUse(t.type().typeIndex(), null);
                }
            }
            sb.append("))");
        }
    }

    private void functions() {
        int base = m.importedFuncCount();
        List<Function> functions = m.functions();
        for (int i = 0; i < functions.size(); i++) {
            Function f = functions.get(i);
            int funcIndex = base + i;
            long localCount = f.localCount();
            if (localCount > MAX_PRINTED_LOCALS) {
                throw new IllegalArgumentException("function " + funcIndex + " declares " + localCount
                        + " locals, too many to print");
            }
            FuncType ft = funcType(f.typeIndex());
            int paramCount = ft == null ? 0 : ft.params().size();
            String[] ids = names.locals(funcIndex, paramCount + localCount);
            field();
            sb.append("(func");
            defId(names.funcs(), funcIndex);
            typeUse(f.typeIndex(), ids);
            locals(f, paramCount, ids);
            code.appendBody(f.body(), funcIndex, ids, BODY_INDENT);
            sb.append(')');
        }
    }

    /**
     * The locals on one line: one {@code (local t t ...)} per declared run, so that the runs
     * read back as they were, except that named locals go one per {@code (local $id t)}.
     */
    private void locals(Function f, int paramCount, String[] ids) {
        long index = paramCount;
        boolean first = true;
        boolean open = false;
        for (LocalGroup g : f.locals()) {
            if (open) {
                sb.append(')');
                open = false;
            }
            for (long k = 0; k < g.count(); k++, index++) {
                String id = index < ids.length ? ids[(int) index] : null;
                if (id != null || !open) {
                    if (open) {
                        sb.append(')');
                    }
                    if (first) {
                        sb.append('\n').append("    ", 0, BODY_INDENT);
                        first = false;
                    } else {
                        sb.append(' ');
                    }
                    sb.append("(local");
                    if (id != null) {
                        sb.append(' ').append(id);
                    }
                }
                sb.append(' ');
                PrintTypes.appendValType(sb, names, g.type());
                if (id != null) {
                    sb.append(')');
                }
                open = id == null;
            }
        }
        if (open) {
            sb.append(')');
        }
    }

    private void tables() {
        int base = m.importCount(ExternKind.TABLE);
        List<Table> tables = m.tables();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            field();
            sb.append("(table");
            defId(names.tables(), base + i);
            sb.append(' ');
            tableType(t.type());
            if (t.init() != null) {
                inlineExpr(t.init());
            }
            sb.append(')');
        }
    }

    private void memories() {
        int base = m.importCount(ExternKind.MEMORY);
        List<MemoryType> memories = m.memories();
        for (int i = 0; i < memories.size(); i++) {
            field();
            sb.append("(memory");
            defId(names.memories(), base + i);
            sb.append(' ');
            memoryType(memories.get(i));
            sb.append(')');
        }
    }

    private void tags() {
        int base = m.importCount(ExternKind.TAG);
        List<TagType> tags = m.tags();
        for (int i = 0; i < tags.size(); i++) {
            field();
            sb.append("(tag");
            defId(names.tags(), base + i);
            typeUse(tags.get(i).typeIndex(), null);
            sb.append(')');
        }
    }

    private void globals() {
        int base = m.importCount(ExternKind.GLOBAL);
        List<Global> globals = m.globals();
        for (int i = 0; i < globals.size(); i++) {
            Global g = globals.get(i);
            field();
            sb.append("(global");
            defId(names.globals(), base + i);
            sb.append(' ');
            globalType(g.type());
            inlineExpr(g.init());
            sb.append(')');
        }
    }

    /** A constant expression after a space: folded if it is one instruction, else flat. */
    private void inlineExpr(Expr e) {
        if (PrintCode.isSinglePlain(e)) {
            sb.append(' ');
            code.appendFolded(e);
        } else {
            code.appendFlat(e);
        }
    }

    private void exports() {
        for (Export e : m.exports()) {
            field();
            sb.append("(export ");
            PrintStrings.appendName(sb, e.name());
            sb.append(" (").append(e.kind().text()).append(' ');
            int i = e.index();
            switch (e.kind()) {
                case FUNC -> index(names.func(i), i);
                case TABLE -> index(names.table(i), i);
                case MEMORY -> index(names.memory(i), i);
                case GLOBAL -> index(names.global(i), i);
                case TAG -> index(names.tag(i), i);
            }
            sb.append("))");
        }
    }

    private void start() {
        if (m.start().isPresent()) {
            int f = m.start().getAsInt();
            field();
            sb.append("(start ");
            index(names.func(f), f);
            sb.append(')');
        }
    }

    // ---- segments ----

    private void elements() {
        List<ElementSegment> elements = m.elements();
        for (int i = 0; i < elements.size(); i++) {
            ElementSegment e = elements.get(i);
            field();
            sb.append("(elem");
            defId(names.elem(i), i);
            switch (e.mode()) {
                case ACTIVE -> {
                    if (e.table() != 0) {
                        sb.append(" (table ");
                        index(names.table(e.table()), e.table());
                        sb.append(')');
                    }
                    offset(e.offset());
                }
                case PASSIVE -> { }
                case DECLARATIVE -> sb.append(" declare");
            }
            elemList(e);
            sb.append(')');
        }
    }

    /** An offset: folded when it is one instruction, else {@code (offset ...)}. */
    private void offset(Expr e) {
        if (PrintCode.isSinglePlain(e)) {
            sb.append(' ');
            code.appendFolded(e);
        } else {
            sb.append(" (offset");
            code.appendFlat(e);
            sb.append(')');
        }
    }

    /**
     * The element list: {@code func x*} when that abbreviation denotes exactly this segment
     * (type {@code (ref func)}, every item a lone {@code ref.func}), else the type and items.
     */
    private void elemList(ElementSegment e) {
        List<Expr> items = e.init();
        if (e.type().equals(REF_FUNC) && allRefFunc(items)) {
            sb.append(" func");
            for (Expr item : items) {
                InstructionReader r = item.reader();
                r.next();
                sb.append(' ');
                index(names.func(r.index()), r.index());
            }
            return;
        }
        sb.append(' ');
        PrintTypes.appendRefType(sb, names, e.type());
        for (Expr item : items) {
            if (PrintCode.isSinglePlain(item)) {
                sb.append(' ');
                code.appendFolded(item);
            } else {
                sb.append(" (item");
                code.appendFlat(item);
                sb.append(')');
            }
        }
    }

    private static boolean allRefFunc(List<Expr> items) {
        for (Expr item : items) {
            InstructionReader r = item.reader();
            if (!r.hasMore() || r.next() != Opcode.REF_FUNC
                    || !r.hasMore() || r.next() != Opcode.END || r.hasMore()) {
                return false;
            }
        }
        return true;
    }

    private void datas() {
        List<DataSegment> datas = m.datas();
        for (int i = 0; i < datas.size(); i++) {
            DataSegment d = datas.get(i);
            field();
            sb.append("(data");
            defId(names.data(i), i);
            if (d.mode() == SegmentMode.ACTIVE) {
                if (d.memory() != 0) {
                    sb.append(" (memory ");
                    index(names.memory(d.memory()), d.memory());
                    sb.append(')');
                }
                offset(d.offset());
            }
            sb.append(' ');
            PrintStrings.appendString(sb, d.bytes());
            sb.append(')');
        }
    }

    /** Custom sections, in order, each with its explicit placement. */
    private void customSections() {
        for (CustomSection c : m.customSections()) {
            field();
            sb.append("(@custom ");
            PrintStrings.appendName(sb, c.name());
            if (c.after() == null) {
                sb.append(" (before first)");
            } else {
                sb.append(" (after ").append(c.after().text()).append(')');
            }
            sb.append(' ');
            PrintStrings.appendString(sb, c.content());
            sb.append(')');
        }
    }
}
