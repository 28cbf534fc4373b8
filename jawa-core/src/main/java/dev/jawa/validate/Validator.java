package dev.jawa.validate;

import static dev.jawa.validate.TypeCodes.*;

import dev.jawa.InvalidModuleException;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AddressType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Validates a module against the WebAssembly 3.0 validation rules (spec core/valid), plus the
 * legacy exception instructions and the threads proposal's shared memories and atomics.
 *
 * <p>Use {@link #validate(Module)}. It is linear in the module's size: function bodies are
 * checked in one pass each by {@link CodeValidator} with an explicit control stack, so nesting
 * depth costs heap, never Java stack.
 */
public final class Validator {

    /** The largest memory, in 64 KiB pages, for 32-bit and 64-bit address types. */
    private static final long MAX_PAGES_32 = 1L << 16;
    private static final long MAX_PAGES_64 = 1L << 48;

    private final Module m;
    private ModuleTypes types;
    private ModuleContext cx;
    private CodeValidator code;

    private Validator(Module m) {
        this.m = m;
    }

    /** Validates the defined functions {@code [from, to)} into {@code infos}, in order. */
    private void validateRange(CodeValidator v, int from, int to, FunctionInfo[] infos) {
        int base = m.importedFuncCount();
        for (int i = from; i < to; i++) {
            infos[i] = v.validateFunction(base + i, m.functions().get(i));
        }
    }

    /** Below this much code, validating in parallel costs more than it saves. */
    private static final long PARALLEL_MIN_CODE_BYTES = 1 << 20;

    /**
     * Validates {@code module}.
     *
     * @return the module with its canonical types and per-function side tables
     * @throws InvalidModuleException if the module is not valid; its reason starts with the
     *     spec testsuite's wording
     */
    public static ValidatedModule validate(Module module) {
        return new Validator(module).run();
    }

    private ValidatedModule run() {
        types = new ModuleTypes(m);
        cx = new ModuleContext(types);
        code = new CodeValidator(cx);
        collectIndexSpaces();
        checkTables();
        checkGlobals();
        checkElements();
        checkDatas();
        checkStart();
        checkExports();
        return new ValidatedModule(m, types.canon.clone(), validateFunctions());
    }

    /**
     * Validates every function body. Bodies are independent once the module-level context is
     * built (it is only read from here on), so large modules are validated in parallel, in
     * contiguous chunks with one {@link CodeValidator} each. The error reported is the one of the
     * lowest-numbered invalid function, exactly as a sequential pass would report it.
     */
    private FunctionInfo[] validateFunctions() {
        List<Function> fns = m.functions();
        FunctionInfo[] infos = new FunctionInfo[fns.size()];
        long total = 0;
        for (Function f : fns) {
            total += f.body().length();
        }
        int workers = Runtime.getRuntime().availableProcessors();
        if (total < PARALLEL_MIN_CODE_BYTES || workers < 2 || fns.size() < 2) {
            validateRange(code, 0, infos.length, infos);
            return infos;
        }
        // Several chunks per worker, cut at equal shares of code, so uneven bodies still balance.
        int chunks = Math.min(fns.size(), workers * 4);
        int[] from = new int[chunks + 1];
        long share = (total + chunks - 1) / chunks;
        long sum = 0;
        int c = 1;
        for (int i = 0; i < fns.size() && c < chunks; i++) {
            sum += fns.get(i).body().length();
            if (sum >= share * c) {
                from[c++] = i + 1;
            }
        }
        while (c <= chunks) {
            from[c++] = fns.size();
        }
        InvalidModuleException[] errors = new InvalidModuleException[chunks];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            try {
                validateRange(new CodeValidator(cx), from[k], from[k + 1], infos);
            } catch (InvalidModuleException e) {
                errors[k] = e; // the chunk stops at its first invalid function
            }
        });
        for (InvalidModuleException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return infos;
    }

    // ---- index spaces ---------------------------------------------------------------------

    private void collectIndexSpaces() {
        int funcs = m.funcCount();
        cx.funcTypes = new int[funcs];
        List<TableType> tables = m.tableTypes();
        cx.tableElem = new int[tables.size()];
        cx.table64 = new boolean[tables.size()];
        List<MemoryType> mems = m.memoryTypes();
        cx.mem64 = new boolean[mems.size()];
        List<GlobalType> globals = m.globalTypes();
        cx.globalTypes = new int[globals.size()];
        cx.globalMutable = new boolean[globals.size()];
        List<TagType> tags = m.tagTypes();
        cx.tagTypes = new int[tags.size()];

        int f = 0;
        for (Import imp : m.imports()) {
            if (imp.desc() instanceof ImportDesc.Func fn) {
                cx.funcTypes[f++] = funcType(fn.typeIndex());
            }
        }
        for (Function fn : m.functions()) {
            cx.funcTypes[f++] = funcType(fn.typeIndex());
        }
        cx.funcCount = funcs;
        for (int i = 0; i < tables.size(); i++) {
            TableType t = tables.get(i);
            checkTableType(t);
            cx.tableElem[i] = types.valType(t.elementType());
            cx.table64[i] = t.addressType() == AddressType.I64;
        }
        cx.tableCount = tables.size();
        for (int i = 0; i < mems.size(); i++) {
            checkMemoryType(mems.get(i));
            cx.mem64[i] = mems.get(i).addressType() == AddressType.I64;
        }
        cx.memCount = mems.size();
        for (int i = 0; i < globals.size(); i++) {
            cx.globalTypes[i] = types.valType(globals.get(i).valType());
            cx.globalMutable[i] = globals.get(i).mutable();
        }
        cx.globalCount = globals.size();
        cx.importedGlobalCount = m.importCount(dev.jawa.module.ExternKind.GLOBAL);
        for (int i = 0; i < tags.size(); i++) {
            int t = funcType(tags.get(i).typeIndex());
            if (types.results[t].length != 0) {
                throw new InvalidModuleException("non-empty tag result type");
            }
            cx.tagTypes[i] = t;
        }
        cx.tagCount = tags.size();
        List<ElementSegment> elems = m.elements();
        cx.elemTypes = new int[elems.size()];
        for (int i = 0; i < elems.size(); i++) {
            cx.elemTypes[i] = types.valType(elems.get(i).type());
        }
        cx.elemCount = elems.size();
        cx.dataCount = m.datas().size();
        collectDeclaredRefs();
    }

    /** A type index that must name a function type. */
    private int funcType(int x) {
        int t = types.typeIndex(x);
        if (!types.isFunc(t)) {
            throw new InvalidModuleException("type mismatch: type " + t + " is not a function type");
        }
        return t;
    }

    private static void checkTableType(TableType t) {
        Limits l = t.limits();
        checkMinMax(l);
        if (t.addressType() == AddressType.I32
                && (l.min() > 0xFFFF_FFFFL || l.min() < 0 || (l.hasMax() && (l.max() > 0xFFFF_FFFFL || l.max() < 0)))) {
            throw new InvalidModuleException("table size must be at most 2^32-1");
        }
    }

    private static void checkMemoryType(MemoryType t) {
        Limits l = t.limits();
        checkMinMax(l);
        boolean is64 = t.addressType() == AddressType.I64;
        long max = is64 ? MAX_PAGES_64 : MAX_PAGES_32;
        if (Long.compareUnsigned(l.min(), max) > 0 || (l.hasMax() && Long.compareUnsigned(l.max(), max) > 0)) {
            throw new InvalidModuleException(is64
                    ? "memory size must be at most 2^48 pages (256TiB)"
                    : "memory size must be at most 65536 pages (4GiB)");
        }
        if (t.shared() && !l.hasMax()) {
            throw new InvalidModuleException("shared memory must have maximum");
        }
    }

    private static void checkMinMax(Limits l) {
        if (l.hasMax() && Long.compareUnsigned(l.min(), l.max()) > 0) {
            throw new InvalidModuleException("size minimum must not be greater than maximum");
        }
    }

    /** C.refs: every function index that occurs outside function bodies and the start section. */
    private void collectDeclaredRefs() {
        for (Export e : m.exports()) {
            if (e.kind() == dev.jawa.module.ExternKind.FUNC && e.index() >= 0) {
                cx.declaredRefs.set(e.index());
            }
        }
        for (Table t : m.tables()) {
            scanRefs(t.init());
        }
        for (Global g : m.globals()) {
            scanRefs(g.init());
        }
        for (ElementSegment e : m.elements()) {
            scanRefs(e.offset());
            for (Expr x : e.init()) {
                scanRefs(x);
            }
        }
        for (DataSegment d : m.datas()) {
            scanRefs(d.offset());
        }
    }

    private void scanRefs(Expr e) {
        if (e == null) {
            return;
        }
        InstructionReader r = e.reader();
        while (r.hasMore()) {
            if (r.next() == Opcode.REF_FUNC && r.index() >= 0) {
                cx.declaredRefs.set(r.index());
            }
        }
    }

    // ---- definitions ----------------------------------------------------------------------

    private void checkTables() {
        int base = m.importCount(dev.jawa.module.ExternKind.TABLE);
        for (int i = 0; i < m.tables().size(); i++) {
            Table t = m.tables().get(i);
            int elem = cx.tableElem[base + i];
            if (t.init() != null) {
                code.validateConst(t.init(), elem, cx.importedGlobalCount);
            } else if (!isDefaultable(elem)) {
                throw new InvalidModuleException("type mismatch: a table of non-nullable references needs an initializer");
            }
        }
    }

    private void checkGlobals() {
        int base = cx.importedGlobalCount;
        for (int i = 0; i < m.globals().size(); i++) {
            code.validateConst(m.globals().get(i).init(), cx.globalTypes[base + i], base + i);
        }
    }

    private void checkElements() {
        for (int i = 0; i < m.elements().size(); i++) {
            ElementSegment e = m.elements().get(i);
            int t = cx.elemTypes[i];
            for (Expr x : e.init()) {
                code.validateConst(x, t, cx.globalCount);
            }
            if (e.mode() == SegmentMode.ACTIVE) {
                int table = cx.table(e.table());
                if (!types.matches(t, cx.tableElem[table])) {
                    throw new InvalidModuleException("type mismatch: element segment does not fit table " + table);
                }
                code.validateConst(e.offset(), cx.table64[table] ? I64 : I32, cx.globalCount);
            }
        }
    }

    private void checkDatas() {
        for (DataSegment d : m.datas()) {
            if (d.mode() == SegmentMode.ACTIVE) {
                int mem = cx.memory(d.memory());
                code.validateConst(d.offset(), cx.mem64[mem] ? I64 : I32, cx.globalCount);
            }
        }
    }

    private void checkStart() {
        if (m.start().isEmpty()) {
            return;
        }
        int f = cx.func(m.start().getAsInt());
        int t = cx.funcTypes[f];
        if (types.params[t].length != 0 || types.results[t].length != 0) {
            throw new InvalidModuleException("start function must have type [] -> []");
        }
    }

    private void checkExports() {
        HashSet<String> names = new HashSet<>();
        for (Export e : m.exports()) {
            switch (e.kind()) {
                case FUNC -> cx.func(e.index());
                case TABLE -> cx.table(e.index());
                case MEMORY -> cx.memory(e.index());
                case GLOBAL -> cx.global(e.index(), cx.globalCount);
                case TAG -> cx.tag(e.index());
            }
            if (!names.add(e.name())) {
                throw new InvalidModuleException("duplicate export name \"" + e.name() + "\"");
            }
        }
    }

    /** For tests: the canonical types of a module's type section alone. */
    static DefinedType[] canonicalTypes(Module m) {
        return new ModuleTypes(m).canon;
    }
}
