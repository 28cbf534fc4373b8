package dev.jawa.jit;

import dev.jawa.WasmException;
import dev.jawa.module.Module;
import dev.jawa.validate.ValidatedModule;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compilation of one module, class by class (see {@link ClassSplit}): all at once for an image
 * ({@link #image}), or each class when first needed ({@link #lazily}), so that the first call into
 * a 10 MB module waits for one class, not for all of them.
 *
 * <p>A class that does not fit after all (its constant pool, say) is split in two and both halves
 * are compiled: the classes compiled before need no change, as they reach functions of other
 * classes through links resolved by function index when they first run.
 */
final class ModuleCompilation implements ClassSource {

    /** The failure recorded for a function no class of this compilation holds (never thrown). */
    private static final CompileLimitException NOT_IN_CHUNK = new CompileLimitException("compiled in another chunk");

    /**
     * Weak: the compiled code is kept in maps keyed weakly by the module, and must not keep it
     * alive; while any of its code runs, an instance holds the module.
     */
    private final WeakReference<ValidatedModule> module;
    private final Module wasm;
    private final boolean osrEntries;
    /** Where functions are split (see {@link FunctionSplitter}), as when the compilation started. */
    private final int splitBytes = FunctionSplitter.splitBytes();
    /** The defined functions of each class. */
    private final List<int[]> parts;
    /** Per defined function, its class (-1: none); shared with the ModuleCode. */
    final int[] partOf;
    final RuntimeException[] failures;
    final boolean[] tailCalling;
    final int[][] osrLoops;

    /**
     * @param include the defined functions to compile (a chunk, see {@link TieringPolicy}), or null for all
     */
    ModuleCompilation(ValidatedModule module, boolean osrEntries, boolean[] include) {
        this.module = new WeakReference<>(module);
        this.wasm = module.module();
        this.osrEntries = osrEntries;
        int n = wasm.functions().size();
        parts = new ArrayList<>(ClassSplit.assign(wasm, include, ClassSplit.classBytes()));
        partOf = new int[n];
        Arrays.fill(partOf, -1);
        for (int p = 0; p < parts.size(); p++) {
            for (int d : parts.get(p)) {
                partOf[d] = p;
            }
        }
        failures = new RuntimeException[n];
        tailCalling = new boolean[n];
        osrLoops = new int[n][];
        for (int d = 0; d < n; d++) {
            if (partOf[d] < 0) {
                failures[d] = NOT_IN_CHUNK;
            }
        }
    }

    /** The number of classes planned so far (grows when one is split). */
    int classCount() {
        return parts.size();
    }

    /** Compiles every class into an image (for archives, the cache and background compilation). */
    ClassImage image() {
        List<byte[]> classes = new ArrayList<>();
        List<int[]> callees = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            if (p < classes.size() && classes.get(p) != null) {
                continue; // made as a half of an earlier class
            }
            for (Made m : make(p)) {
                while (classes.size() <= m.part()) {
                    classes.add(null);
                    callees.add(null);
                }
                classes.set(m.part(), m.bytes());
                callees.set(m.part(), m.callees());
            }
        }
        return new ClassImage(classes.toArray(byte[][]::new), partOf, callees.toArray(int[][]::new), failures,
                tailCalling, wasm.importedFuncCount(), osrLoops, osrEntries);
    }

    /** The module's code, each class compiled and defined when first needed. */
    ModuleCode lazily() {
        return new ModuleCode(this, parts.size(), partOf, failures, tailCalling, wasm.importedFuncCount(), osrLoops);
    }

    @Override
    public MethodType methodType(int funcIndex) {
        return JvmTypes.handleType(wasm.funcType(wasm.funcTypeIndex(funcIndex))).appendParameterTypes(JitContext.class);
    }

    @Override
    public List<Made> make(int part) {
        ValidatedModule validated = module.get();
        if (validated == null) {
            throw new IllegalStateException("the module of this code is gone");
        }
        List<Made> made = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(List.of(part));
        while (!todo.isEmpty()) {
            int p = todo.remove(todo.size() - 1);
            int[] members = parts.get(p);
            try {
                ModuleCompiler c = ModuleCompiler.compileClass(validated, osrEntries, splitBytes, partOf, p, members, failures,
                        tailCalling, osrLoops);
                made.add(new Made(p, c.bytes(), c.callees()));
            } catch (WasmException e) {
                if (members.length < 2) {
                    throw e;
                }
                int half = members.length / 2;
                parts.set(p, Arrays.copyOfRange(members, 0, half));
                parts.add(Arrays.copyOfRange(members, half, members.length));
                int q = parts.size() - 1;
                for (int k = half; k < members.length; k++) {
                    partOf[members[k]] = q;
                }
                todo.add(q);
                todo.add(p);
            }
        }
        return made;
    }
}
