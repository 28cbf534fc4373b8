package dev.jawa.runtime;

import dev.jawa.UnlinkableException;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.Module;
import dev.jawa.module.SegmentMode;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.TableType;
import dev.jawa.validate.TypeMatching;
import dev.jawa.validate.ValidatedModule;
import java.util.List;

/**
 * Instantiates a validated module (spec core/exec/modules, "instantiation"): resolves and
 * type-checks the imports, allocates functions, globals (initialized in order), tables, memories
 * and tags, evaluates the segments, applies the active element segments then the active data
 * segments in order, and runs the start function.
 *
 * <p>Failures: {@link UnlinkableException} when an import is missing or does not match (nothing
 * is changed then); a {@link dev.jawa.Trap} when a segment does not fit or the start function
 * traps. Segments applied before the trap stay applied, which is visible through imported
 * tables and memories, as the spec requires.
 */
public final class Instantiator {

    private Instantiator() {
    }

    /** Instantiates {@code module} with imports from {@code imports}, running code on {@code tier}. */
    public static ModuleInstance instantiate(ValidatedModule module, Imports imports, ExecutionTier tier) {
        ModuleInstance inst = new ModuleInstance(module, tier);
        Module m = module.module();
        resolveImports(module, imports, inst);
        inst.createFunctions();

        int g = m.importCount(dev.jawa.module.ExternKind.GLOBAL);
        for (dev.jawa.module.Global def : m.globals()) {
            ConstEval.Value v = ConstEval.eval(def.init(), inst);
            Global global = new Global(def.type(), module);
            global.bits = v.bits();
            global.ref = v.ref();
            inst.globals[g++] = global;
        }
        int t = m.importCount(dev.jawa.module.ExternKind.TABLE);
        for (dev.jawa.module.Table def : m.tables()) {
            Object init = def.init() == null ? null : ConstEval.eval(def.init(), inst).ref();
            inst.tables[t++] = new Table(def.type(), module, init);
        }
        int mem = m.importCount(dev.jawa.module.ExternKind.MEMORY);
        for (MemoryType type : m.memories()) {
            inst.memories[mem++] = new Memory(type);
        }
        int tag = m.importCount(dev.jawa.module.ExternKind.TAG);
        for (var type : m.tags()) {
            inst.tags[tag++] = new TagInstance(module.type(type.typeIndex()));
        }
        List<ElementSegment> elems = m.elements();
        for (int i = 0; i < elems.size(); i++) {
            List<dev.jawa.module.Expr> init = elems.get(i).init();
            Object[] refs = new Object[init.size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstEval.eval(init.get(j), inst).ref();
            }
            inst.elements[i] = refs;
        }
        List<DataSegment> datas = m.datas();
        for (int i = 0; i < datas.size(); i++) {
            inst.datas[i] = datas.get(i).bytes();
        }
        inst.addExports();

        for (int i = 0; i < elems.size(); i++) {
            ElementSegment e = elems.get(i);
            if (e.mode() == SegmentMode.ACTIVE) {
                Table table = inst.tables[e.table()];
                long offset = offset(e.offset(), inst, table.is64());
                table.init(inst.elements[i], 0, offset, inst.elements[i].length);
                inst.elements[i] = null;
            } else if (e.mode() == SegmentMode.DECLARATIVE) {
                inst.elements[i] = null;
            }
        }
        for (int i = 0; i < datas.size(); i++) {
            DataSegment d = datas.get(i);
            if (d.mode() == SegmentMode.ACTIVE) {
                Memory memory = inst.memories[d.memory()];
                long offset = offset(d.offset(), inst, memory.is64());
                memory.init(inst.datas[i], 0, offset, inst.datas[i].length);
                inst.datas[i] = null;
            }
        }
        if (m.start().isPresent()) {
            FunctionInstance start = inst.functions[m.start().getAsInt()];
            start.invoke(new long[0], new Object[0]);
        }
        return inst;
    }

    private static long offset(dev.jawa.module.Expr expr, ModuleInstance inst, boolean is64) {
        long bits = ConstEval.eval(expr, inst).bits();
        return is64 ? bits : bits & 0xFFFF_FFFFL;
    }

    private static void resolveImports(ValidatedModule module, Imports imports, ModuleInstance inst) {
        int f = 0;
        int t = 0;
        int mem = 0;
        int g = 0;
        int tag = 0;
        for (Import imp : module.module().imports()) {
            Object ext = imports.resolve(imp.module(), imp.name());
            String what = "\"" + imp.module() + "\" \"" + imp.name() + "\"";
            if (ext == null) {
                throw new UnlinkableException("unknown import", what);
            }
            boolean ok = switch (imp.desc()) {
                case ImportDesc.Func d -> ext instanceof FunctionInstance fn
                        && fn.type().isSubtypeOf(module.type(d.typeIndex()))
                        && (inst.functions[f++] = fn) != null;
                case ImportDesc.Table d -> ext instanceof Table table && matches(table, d.type(), module)
                        && (inst.tables[t++] = table) != null;
                case ImportDesc.Memory d -> ext instanceof Memory memory && matches(memory.type(), d.type())
                        && (inst.memories[mem++] = memory) != null;
                case ImportDesc.Global d -> ext instanceof Global global && matches(global, d.type(), module)
                        && (inst.globals[g++] = global) != null;
                case ImportDesc.Tag d -> ext instanceof TagInstance ti
                        && ti.type() == module.type(d.type().typeIndex())
                        && (inst.tags[tag++] = ti) != null;
            };
            if (!ok) {
                throw new UnlinkableException("incompatible import type", what);
            }
        }
    }

    private static boolean matches(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    private static boolean matches(MemoryType actual, MemoryType expected) {
        return actual.addressType() == expected.addressType() && actual.shared() == expected.shared()
                && matches(actual.limits(), expected.limits());
    }

    private static boolean matches(Table table, TableType expected, ValidatedModule module) {
        TableType actual = table.type();
        return actual.addressType() == expected.addressType() && matches(actual.limits(), expected.limits())
                && TypeMatching.equivalent(actual.elementType(), table.owner(), expected.elementType(), module);
    }

    private static boolean matches(Global global, GlobalType expected, ValidatedModule module) {
        GlobalType actual = global.type();
        if (actual.mutable() != expected.mutable()) {
            return false;
        }
        return expected.mutable()
                ? TypeMatching.equivalent(actual.valType(), global.owner(), expected.valType(), module)
                : TypeMatching.matches(actual.valType(), global.owner(), expected.valType(), module);
    }
}
