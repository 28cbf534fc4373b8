package dev.jawa.text;

import dev.jawa.binary.ByteWriter;
import dev.jawa.module.CustomSection;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.NameMap;
import dev.jawa.module.Names;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses one module in three passes over its fields: the first binds every identifier to its
 * index (so code can refer to things defined later), the second parses the type definitions,
 * and the third parses everything else in field order, appending implicit function types to the
 * type section in order of first use.
 */
final class ModuleParser {

    private final TokenCursor c;
    private final TokenStream ts;
    private final ModuleContext ctx = new ModuleContext();
    private final TypeParser types;
    private final CodeParser code;
    private final SegmentParser segments;
    private final ModuleAnnotations annots;
    private final Module.Builder mb = Module.builder();

    private boolean moduleForm;
    private int fieldsStart;
    private String moduleName;

    // pass 1
    private final List<int[]> recGroups = new ArrayList<>();
    private int lastImportField = -1;
    private String definitionBeforeLastImport;
    private String lastDefinition;

    // pass 3 counters
    private int nextFunc;
    private int nextTable;
    private int nextMemory;
    private int nextGlobal;
    private int nextTag;
    private int nextElem;
    private int nextData;
    private boolean hasStart;
    private final TreeMap<Integer, NameMap> localNames = new TreeMap<>();

    ModuleParser(TokenStream ts) {
        this.ts = ts;
        this.c = new TokenCursor(ts);
        this.types = new TypeParser(c, ctx);
        this.code = new CodeParser(c, ctx, types);
        this.segments = new SegmentParser(c, ctx, types, code);
        this.annots = new ModuleAnnotations(c);
    }

    Module parse() {
        header();
        declare();
        defineTypes();
        define();
        finish();
        return mb.build();
    }

    // ---- module header and field iteration

    private void header() {
        if (c.isLParenKw(Keyword.MODULE)) {
            moduleForm = true;
            c.advance();
            c.advance();
            if (c.isKw(Keyword.DEFINITION)) {
                c.advance();
            }
            int beforeId = c.pos();
            String id = c.optionalId();
            moduleName = annots.name(beforeId, c.pos(), "module");
            if (moduleName == null) {
                moduleName = id;
            }
        } else {
            moduleName = annots.name(0, 0, "module");
        }
        fieldsStart = c.pos();
    }

    private int close(int lparen) {
        return ts.value(lparen);
    }

    // ---- pass 1: identifiers

    private void declare() {
        c.seek(fieldsStart);
        while (c.is(TokenKind.LPAREN)) {
            int start = c.pos();
            int end = close(start);
            if (end < 0) {
                return; // unclosed: the last pass reports it
            }
            int kw = c.kwAt(start + 1);
            c.seek(start + 2);
            switch (kw) {
                case Keyword.TYPE -> recGroups.add(new int[] {start});
                case Keyword.REC -> {
                    List<Integer> group = new ArrayList<>();
                    while (c.isLParenKw(Keyword.TYPE) && close(c.pos()) > 0) {
                        group.add(c.pos());
                        c.seek(close(c.pos()) + 1);
                    }
                    recGroups.add(group.stream().mapToInt(Integer::intValue).toArray());
                }
                case Keyword.FUNC -> entity(ctx.funcs, "function", start);
                case Keyword.TABLE -> entity(ctx.tables, "table", start);
                case Keyword.MEMORY -> entity(ctx.memories, "memory", start);
                case Keyword.GLOBAL -> entity(ctx.globals, "global", start);
                case Keyword.TAG -> entity(ctx.tags, "tag", start);
                case Keyword.IMPORT -> importDecl(start);
                case Keyword.ELEM -> bindOptional(ctx.elems);
                case Keyword.DATA -> bindOptional(ctx.datas);
                default -> { }
            }
            c.seek(end + 1);
        }
        for (int[] group : recGroups) {
            for (int t : group) {
                c.seek(t + 2);
                bindOptional(ctx.types);
            }
        }
    }

    private int bindOptional(IndexSpace space) {
        int at = c.pos();
        return space.bind(c.isId() ? c.idName(at) : null, c, at);
    }

    /** A func, table, memory, global or tag field: its id, and whether it is an import. */
    private void entity(IndexSpace space, String what, int start) {
        bindOptional(space);
        if (c.isId()) {
            c.advance();
        }
        while (c.isLParenKw(Keyword.EXPORT) && close(c.pos()) > 0) {
            c.seek(close(c.pos()) + 1);
        }
        if (c.isLParenKw(Keyword.IMPORT)) {
            noteImport(start);
            return;
        }
        lastDefinition = what;
        if (space == ctx.memories) {
            if (c.isKw(Keyword.I32) || c.isKw(Keyword.I64)) {
                c.advance();
            }
            if (c.isLParenKw(Keyword.DATA)) {
                ctx.datas.bindAnonymous(1);
            }
        } else if (space == ctx.tables) {
            if (c.isKw(Keyword.I32) || c.isKw(Keyword.I64)) {
                c.advance();
            }
            if (c.isLParenKw(Keyword.REF) && close(c.pos()) > 0) {
                c.seek(close(c.pos()) + 1);
            } else if (c.is(TokenKind.KEYWORD)) {
                c.advance();
            }
            if (c.isLParenKw(Keyword.ELEM)) {
                ctx.elems.bindAnonymous(1);
            }
        }
    }

    private void noteImport(int start) {
        lastImportField = start;
        definitionBeforeLastImport = lastDefinition;
    }

    private void importDecl(int start) {
        noteImport(start);
        for (int i = 0; i < 2 && c.is(TokenKind.STRING); i++) {
            c.advance();
        }
        if (!c.is(TokenKind.LPAREN)) {
            return;
        }
        int kw = c.kwAt(c.pos() + 1);
        c.advance();
        c.advance();
        switch (kw) {
            case Keyword.FUNC -> bindOptional(ctx.funcs);
            case Keyword.TABLE -> bindOptional(ctx.tables);
            case Keyword.MEMORY -> bindOptional(ctx.memories);
            case Keyword.GLOBAL -> bindOptional(ctx.globals);
            case Keyword.TAG -> bindOptional(ctx.tags);
            default -> { }
        }
    }

    // ---- pass 2: types

    private void defineTypes() {
        for (int[] group : recGroups) {
            List<SubType> sts = new ArrayList<>(group.length);
            for (int t : group) {
                c.seek(t + 2);
                int beforeId = c.pos();
                if (c.isId()) {
                    c.advance();
                }
                String name = annots.isEmpty() ? null : annots.name(beforeId, c.pos(), "type");
                int index = ctx.typeList.size() + sts.size();
                if (name != null) {
                    ctx.types.rename(index, name);
                }
                IndexSpace fields = new IndexSpace("field");
                sts.add(types.subType(fields));
                c.expectRParen();
                ctx.fields.add(fields);
            }
            ctx.addRecType(new RecType(sts));
        }
    }

    // ---- pass 3: everything else

    private void define() {
        c.seek(fieldsStart);
        while (c.is(TokenKind.LPAREN)) {
            int start = c.pos();
            customs(start);
            int kw = c.kwAt(start + 1);
            switch (kw) {
                case Keyword.TYPE -> skipType(start);
                case Keyword.REC -> {
                    c.seek(start + 2);
                    while (c.isLParenKw(Keyword.TYPE)) {
                        skipType(c.pos());
                    }
                    c.expectRParen();
                }
                case Keyword.FUNC -> func(start);
                case Keyword.TABLE -> table(start);
                case Keyword.MEMORY -> memory(start);
                case Keyword.GLOBAL -> global(start);
                case Keyword.TAG -> tag(start);
                case Keyword.IMPORT -> importField(start);
                case Keyword.EXPORT -> export(start);
                case Keyword.START -> start(start);
                case Keyword.ELEM -> elem(start);
                case Keyword.DATA -> data(start);
                default -> {
                    c.seek(start + 1);
                    throw c.unexpected();
                }
            }
        }
        customs(c.pos());
        if (moduleForm) {
            c.expectRParen();
        }
        if (!c.is(TokenKind.EOF)) {
            throw c.unexpected();
        }
    }

    /**
     * Steps over a type definition the type pass parsed. One without its closing parenthesis was
     * not parsed there: parsing it now reports the error.
     */
    private void skipType(int start) {
        if (close(start) >= 0) {
            c.seek(close(start) + 1);
            return;
        }
        c.seek(start + 2);
        if (c.isId()) {
            c.advance();
        }
        types.subType(new IndexSpace("field"));
        c.expectRParen();
        throw c.unexpected();
    }

    private void customs(int anchor) {
        if (!annots.isEmpty()) {
            for (CustomSection s : annots.customSections(anchor)) {
                mb.addCustomSection(s);
            }
        }
    }

    /** After the keyword: the optional id and {@code @name}; returns the debug name or null. */
    private String idAndName(int start, IndexSpace space, int index, String what) {
        if (c.isId()) {
            c.advance();
        }
        if (annots.isEmpty()) {
            return null;
        }
        String name = annots.name(start + 2, c.pos(), what);
        if (name != null) {
            space.rename(index, name);
        }
        return name;
    }

    private void inlineExports(ExternKind kind, int index) {
        while (c.isLParenKw(Keyword.EXPORT)) {
            c.advance();
            c.advance();
            String name = c.name();
            c.expectRParen();
            mb.addExport(new Export(name, kind, index));
        }
    }

    /** {@code (import "m" "n")} inside a definition, consumed; null if there is none. */
    private String[] inlineImport() {
        if (!c.isLParenKw(Keyword.IMPORT)) {
            return null;
        }
        c.advance();
        c.advance();
        String m = c.name();
        String n = c.name();
        c.expectRParen();
        return new String[] {m, n};
    }

    private void func(int start) {
        c.seek(start + 2);
        int index = nextFunc++;
        idAndName(start, ctx.funcs, index, "function");
        inlineExports(ExternKind.FUNC, index);
        String[] imp = inlineImport();
        if (imp != null) {
            int type = typeUseForDeclaration();
            c.expectRParen();
            mb.addImport(new Import(imp[0], imp[1], new ImportDesc.Func(type)));
            return;
        }
        funcDefinition(index);
    }

    private void funcDefinition(int index) {
        int at = c.pos();
        long explicit = explicitType();
        List<ValType> ps = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        List<Integer> pidToks = new ArrayList<>();
        List<ValType> rs = new ArrayList<>();
        types.params(ps, pids, pidToks);
        types.results(rs);
        IndexSpace locals = new IndexSpace("local");
        int typeIndex;
        if (explicit >= 0) {
            FuncType ft = ctx.funcType((int) explicit);
            if (!ps.isEmpty() || !rs.isEmpty()) {
                types.checkInline(at, ft, ps, rs);
            }
            typeIndex = (int) explicit;
        } else {
            typeIndex = ctx.implicitType(new FuncType(ps, rs));
        }
        if (!ps.isEmpty() || explicit < 0) {
            for (int i = 0; i < ps.size(); i++) {
                locals.bind(pids.get(i), c, pidToks.get(i));
            }
        } else {
            FuncType ft = ctx.funcType((int) explicit);
            if (ft == null && (c.isLParenKw(Keyword.LOCAL) && c.kind(c.pos() + 2) == TokenKind.ID)) {
                throw c.errorAt(at, "unknown type");
            }
            locals.bindAnonymous(ft == null ? 0 : ft.params().size());
        }
        List<LocalGroup> groups = new ArrayList<>();
        ValType last = null;
        long run = 0;
        while (c.isLParenKw(Keyword.LOCAL)) {
            c.advance();
            c.advance();
            if (c.isId()) {
                int tok = c.pos();
                String id = c.id();
                ValType t = types.valType();
                locals.bind(id, c, tok);
                if (t.equals(last)) {
                    run++;
                } else {
                    if (last != null) {
                        groups.add(new LocalGroup(run, last));
                    }
                    last = t;
                    run = 1;
                }
            } else {
                while (!c.is(TokenKind.RPAREN)) {
                    ValType t = types.valType();
                    locals.bindAnonymous(1);
                    if (t.equals(last)) {
                        run++;
                    } else {
                        if (last != null) {
                            groups.add(new LocalGroup(run, last));
                        }
                        last = t;
                        run = 1;
                    }
                }
            }
            c.expectRParen();
        }
        if (last != null) {
            groups.add(new LocalGroup(run, last));
        }
        Map<Integer, Annotation> hintAnchors = annots.isEmpty() ? null : annots.hintAnchors();
        Expr body = code.functionBody(locals, hintAnchors);
        c.expectRParen();
        mb.addFunction(new Function(typeIndex, groups, body));
        if (locals.hasIds()) {
            localNames.put(index, locals.names());
        }
        if (code.hintCount() > 0) {
            recordHints(index, groups);
        }
    }

    private void recordHints(int funcIndex, List<LocalGroup> groups) {
        ByteWriter w = new ByteWriter();
        w.u32(groups.size());
        for (LocalGroup g : groups) {
            w.u32((int) g.count());
            w.valType(g.type());
        }
        int n = code.hintCount();
        int[] offsets = new int[n];
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = w.size() + code.hintOffset(i);
            values[i] = code.hintValue(i);
        }
        annots.addFunctionHints(funcIndex, n, offsets, values);
    }

    /** {@code (type x)}: the u32 index x, or -1 if there is none. */
    private long explicitType() {
        if (!c.isLParenKw(Keyword.TYPE)) {
            return -1;
        }
        c.advance();
        c.advance();
        long t = ctx.types.resolve(c) & 0xFFFF_FFFFL;
        c.expectRParen();
        return t;
    }

    /** A type use where parameter ids are allowed but bind nothing (imports, tags). */
    private int typeUseForDeclaration() {
        int at = c.pos();
        long explicit = explicitType();
        List<ValType> ps = new ArrayList<>();
        List<ValType> rs = new ArrayList<>();
        types.params(ps, new ArrayList<>(), new ArrayList<>());
        types.results(rs);
        if (explicit >= 0) {
            if (!ps.isEmpty() || !rs.isEmpty()) {
                types.checkInline(at, ctx.funcType((int) explicit), ps, rs);
            }
            return (int) explicit;
        }
        return ctx.implicitType(new FuncType(ps, rs));
    }

    private void table(int start) {
        c.seek(start + 2);
        int index = nextTable++;
        idAndName(start, ctx.tables, index, "table");
        inlineExports(ExternKind.TABLE, index);
        String[] imp = inlineImport();
        if (imp != null) {
            TableType tt = tableType();
            c.expectRParen();
            mb.addImport(new Import(imp[0], imp[1], new ImportDesc.Table(tt)));
            return;
        }
        AddressType addr = types.addressType();
        if (types.atRefType()) {
            RefType rt = types.refType();
            c.expect(TokenKind.LPAREN);
            c.expectKw(Keyword.ELEM);
            List<Expr> items = segments.elemItems(true);
            c.expectRParen();
            c.expectRParen();
            long n = items.size();
            mb.addTable(new Table(new TableType(addr, Limits.between(n, n), rt), null));
            mb.addElement(new ElementSegment(SegmentMode.ACTIVE, index, SegmentParser.zeroOffset(addr), rt, items));
            nextElem++;
            return;
        }
        Limits limits = types.limits();
        RefType rt = types.refType();
        Expr init = c.is(TokenKind.RPAREN) ? null : code.constExpr(-1);
        c.expectRParen();
        mb.addTable(new Table(new TableType(addr, limits, rt), init));
    }

    private TableType tableType() {
        AddressType addr = types.addressType();
        Limits limits = types.limits();
        RefType rt = types.refType();
        return new TableType(addr, limits, rt);
    }

    private void memory(int start) {
        c.seek(start + 2);
        int index = nextMemory++;
        idAndName(start, ctx.memories, index, "memory");
        inlineExports(ExternKind.MEMORY, index);
        String[] imp = inlineImport();
        if (imp != null) {
            MemoryType mt = memoryType();
            c.expectRParen();
            mb.addImport(new Import(imp[0], imp[1], new ImportDesc.Memory(mt)));
            return;
        }
        if ((c.isKw(Keyword.I32) || c.isKw(Keyword.I64)) && c.kwAt(c.pos() + 2) == Keyword.DATA
                || c.isLParenKw(Keyword.DATA)) {
            AddressType addr = types.addressType();
            c.advance();
            c.advance();
            byte[] bytes = segments.strings();
            c.expectRParen();
            c.expectRParen();
            long pages = (bytes.length + 65535L) / 65536L;
            mb.addMemory(new MemoryType(addr, Limits.between(pages, pages), false));
            mb.addData(new DataSegment(SegmentMode.ACTIVE, index, SegmentParser.zeroOffset(addr), bytes));
            nextData++;
            return;
        }
        MemoryType mt = memoryType();
        c.expectRParen();
        mb.addMemory(mt);
    }

    private MemoryType memoryType() {
        AddressType addr = types.addressType();
        Limits limits = types.limits();
        boolean shared = false;
        if (c.isKw(Keyword.SHARED)) {
            shared = true;
            c.advance();
        } else if (c.isKw(Keyword.UNSHARED)) {
            c.advance();
        }
        return new MemoryType(addr, limits, shared);
    }

    private void global(int start) {
        c.seek(start + 2);
        int index = nextGlobal++;
        idAndName(start, ctx.globals, index, "global");
        inlineExports(ExternKind.GLOBAL, index);
        String[] imp = inlineImport();
        if (imp != null) {
            GlobalType gt = types.globalType();
            c.expectRParen();
            mb.addImport(new Import(imp[0], imp[1], new ImportDesc.Global(gt)));
            return;
        }
        GlobalType gt = types.globalType();
        Expr init = code.constExpr(-1);
        c.expectRParen();
        mb.addGlobal(new Global(gt, init));
    }

    private void tag(int start) {
        c.seek(start + 2);
        int index = nextTag++;
        idAndName(start, ctx.tags, index, "tag");
        inlineExports(ExternKind.TAG, index);
        String[] imp = inlineImport();
        int type = typeUseForDeclaration();
        c.expectRParen();
        if (imp != null) {
            mb.addImport(new Import(imp[0], imp[1], new ImportDesc.Tag(new TagType(type))));
        } else {
            mb.addTag(new TagType(type));
        }
    }

    private void importField(int start) {
        c.seek(start + 2);
        String m = c.name();
        String n = c.name();
        int descStart = c.pos();
        c.expect(TokenKind.LPAREN);
        int kw = c.kw();
        if (kw != Keyword.FUNC && kw != Keyword.TABLE && kw != Keyword.MEMORY && kw != Keyword.GLOBAL
                && kw != Keyword.TAG) {
            throw c.unexpected();
        }
        c.advance();
        ImportDesc desc = switch (kw) {
            case Keyword.FUNC -> {
                int index = nextFunc++;
                idAndName(descStart, ctx.funcs, index, "function");
                yield new ImportDesc.Func(typeUseForDeclaration());
            }
            case Keyword.TABLE -> {
                int index = nextTable++;
                idAndName(descStart, ctx.tables, index, "table");
                yield new ImportDesc.Table(tableType());
            }
            case Keyword.MEMORY -> {
                int index = nextMemory++;
                idAndName(descStart, ctx.memories, index, "memory");
                yield new ImportDesc.Memory(memoryType());
            }
            case Keyword.GLOBAL -> {
                int index = nextGlobal++;
                idAndName(descStart, ctx.globals, index, "global");
                yield new ImportDesc.Global(types.globalType());
            }
            default -> {
                int index = nextTag++;
                idAndName(descStart, ctx.tags, index, "tag");
                yield new ImportDesc.Tag(new TagType(typeUseForDeclaration()));
            }
        };
        c.expectRParen();
        c.expectRParen();
        mb.addImport(new Import(m, n, desc));
    }

    private void export(int start) {
        c.seek(start + 2);
        String name = c.name();
        c.expect(TokenKind.LPAREN);
        int kw = c.kw();
        IndexSpace space;
        ExternKind kind;
        switch (kw) {
            case Keyword.FUNC -> {
                space = ctx.funcs;
                kind = ExternKind.FUNC;
            }
            case Keyword.TABLE -> {
                space = ctx.tables;
                kind = ExternKind.TABLE;
            }
            case Keyword.MEMORY -> {
                space = ctx.memories;
                kind = ExternKind.MEMORY;
            }
            case Keyword.GLOBAL -> {
                space = ctx.globals;
                kind = ExternKind.GLOBAL;
            }
            case Keyword.TAG -> {
                space = ctx.tags;
                kind = ExternKind.TAG;
            }
            default -> throw c.unexpected();
        }
        c.advance();
        int index = space.resolve(c);
        c.expectRParen();
        c.expectRParen();
        mb.addExport(new Export(name, kind, index));
    }

    private void start(int start) {
        c.seek(start + 2);
        int at = c.pos();
        int f = ctx.funcs.resolve(c);
        c.expectRParen();
        if (hasStart) {
            throw c.errorAt(at, "multiple start sections");
        }
        hasStart = true;
        mb.start(f);
    }

    private void elem(int start) {
        c.seek(start + 2);
        nextElem++;
        mb.addElement(segments.elem());
    }

    private void data(int start) {
        c.seek(start + 2);
        nextData++;
        mb.addData(segments.data());
    }

    // ---- the end

    private void finish() {
        if (definitionBeforeLastImport != null) {
            throw c.errorAt(lastImportField, "import after " + definitionBeforeLastImport);
        }
        if (!annots.isEmpty()) {
            annots.checkAllUsed();
            CustomSection hints = annots.branchHintSection();
            if (hints != null) {
                mb.addCustomSection(hints);
            }
        }
        for (RecType r : ctx.recTypes) {
            mb.addRecType(r);
        }
        mb.hasDataCount(code.usesDataIndex());
        mb.names(new Names(moduleName, ctx.funcs.names(), IndirectNameMap.of(localNames),
                IndirectNameMap.EMPTY, ctx.types.names(), ctx.tables.names(), ctx.memories.names(),
                ctx.globals.names(), ctx.elems.names(), ctx.datas.names(), fieldNames(),
                ctx.tags.names()));
    }

    private IndirectNameMap fieldNames() {
        TreeMap<Integer, NameMap> m = new TreeMap<>();
        for (int i = 0; i < ctx.fields.size(); i++) {
            IndexSpace f = ctx.fields.get(i);
            if (f != null && f.hasIds()) {
                m.put(i, f.names());
            }
        }
        return IndirectNameMap.of(m);
    }
}
