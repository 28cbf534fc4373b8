package dev.jawa.jit;

import dev.jawa.module.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a module's functions are spread over generated classes. A class file holds at most 65,535
 * constant pool entries and 65,535 methods, and a large module (10 MB of code makes some 100,000
 * constants) needs more than one class. Functions go to classes in index order (neighbours tend
 * to call each other), each class taking up to {@link #classBytes()} bytes of WebAssembly and
 * {@link #MAX_FUNCTIONS} functions. A class that still overflows is split in two when it is
 * compiled (see {@link ModuleCompiler}): the estimate only has to be good, not exact.
 *
 * <p>Calls inside a class are invokestatic; calls between classes go through a link, a static
 * final method handle in the calling class (see {@link ClassLinks}), which HotSpot inlines as well.
 */
final class ClassSplit {

    /**
     * The default WebAssembly bytes per class: well under the constant pool's limit (the generated
     * 12 MB module needs about one constant per 100 bytes of code, so 1 MB would fit, but a class
     * of a tenth of that is verified and loaded in small steps and rarely needs splitting).
     */
    static final int DEFAULT_CLASS_BYTES = 256 * 1024;

    /** The most functions per class (each may take three methods and more with split regions). */
    static final int MAX_FUNCTIONS = 4096;

    private ClassSplit() {
    }

    /**
     * The budget now: the system property {@code jawa.jit.classBytes}, else the default (tests set
     * it to 1 to give every function a class of its own).
     */
    static int classBytes() {
        return Math.max(1, Integer.getInteger("jawa.jit.classBytes", DEFAULT_CLASS_BYTES));
    }

    /**
     * The defined functions of {@code wasm} marked in {@code include} (all if null), in classes:
     * each element lists the defined indices (not counting imports) of one class, ascending.
     */
    static List<int[]> assign(Module wasm, boolean[] include, int classBytes) {
        List<int[]> parts = new ArrayList<>();
        int n = wasm.functions().size();
        int[] current = new int[Math.min(n, MAX_FUNCTIONS)];
        int count = 0;
        long bytes = 0;
        for (int d = 0; d < n; d++) {
            if (include != null && !include[d]) {
                continue;
            }
            int size = wasm.functions().get(d).body().length();
            if (count > 0 && (bytes + size > classBytes || count == MAX_FUNCTIONS)) {
                parts.add(Arrays.copyOf(current, count));
                count = 0;
                bytes = 0;
            }
            current[count++] = d;
            bytes += size;
        }
        if (count > 0 || parts.isEmpty()) {
            parts.add(Arrays.copyOf(current, count));
        }
        return parts;
    }
}
