package dev.jawa.validate;

import dev.jawa.InvalidModuleException;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import java.util.Arrays;
import java.util.HashSet;

/**
 * The locals of the function being validated: their types, and which non-defaultable locals
 * (non-null references) are known to be initialized, with the spec algorithm's initialization
 * stack to undo that knowledge at the end of a block.
 *
 * <p>Up to {@link #EXPANDED_LIMIT} locals are kept as one int per local, in arrays reused from
 * function to function. A declaration of more locals (the binary format allows up to 2^32-1 in
 * a few bytes) is kept as its runs and searched, so it costs no memory per local.
 */
final class Locals {

    static final long EXPANDED_LIMIT = 1 << 20;

    private long count;
    /** Parameters are always initialized. */
    private int paramCount;
    // Expanded form.
    private int[] types = new int[64];
    private boolean[] init = new boolean[64];
    private boolean expanded;
    // Run form: local i has type runTypes[k] for the first k with i < runEnds[k].
    private long[] runEnds;
    private int[] runTypes;
    private final HashSet<Long> runInit = new HashSet<>();
    /** Locals set since the function started, in order (the initialization stack). */
    private long[] inits = new long[16];
    private int initCount;

    /** Sets up the locals of a function with parameter codes {@code params}. */
    void reset(int[] params, Function f, ModuleTypes mt) {
        long n = params.length;
        for (LocalGroup g : f.locals()) {
            n += g.count();
        }
        count = n;
        paramCount = params.length;
        initCount = 0;
        expanded = n <= EXPANDED_LIMIT;
        if (expanded) {
            int size = (int) n;
            if (types.length < size) {
                types = new int[Math.max(size, types.length * 2)];
                init = new boolean[types.length];
            }
            System.arraycopy(params, 0, types, 0, params.length);
            int i = params.length;
            for (LocalGroup g : f.locals()) {
                int t = mt.valType(g.type());
                Arrays.fill(types, i, i + (int) g.count(), t);
                i += (int) g.count();
            }
        } else {
            int runs = params.length + f.locals().size();
            runEnds = new long[runs];
            runTypes = new int[runs];
            int k = 0;
            for (int p = 0; p < params.length; p++, k++) {
                runEnds[k] = p + 1;
                runTypes[k] = params[p];
            }
            long end = params.length;
            for (LocalGroup g : f.locals()) {
                end += g.count();
                runEnds[k] = end;
                runTypes[k++] = mt.valType(g.type());
            }
            runInit.clear();
        }
    }

    /** Sets up an empty set of locals (for constant expressions). */
    void clear() {
        count = 0;
        paramCount = 0;
        initCount = 0;
        expanded = true;
    }

    long count() {
        return count;
    }

    /** The type code of local {@code idx} (an unsigned u32), or "unknown local". */
    int type(int idx) {
        if (expanded && idx >= 0 && idx < count) {
            return types[idx];
        }
        long i = Integer.toUnsignedLong(idx);
        if (i >= count) {
            throw new InvalidModuleException("unknown local " + i);
        }
        if (expanded) {
            return types[(int) i];
        }
        int lo = 0;
        int hi = runEnds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (i < runEnds[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return runTypes[lo];
    }

    /** Whether local {@code idx} (of a non-defaultable type) has been set on every path here. */
    boolean isInit(int idx) {
        if (Integer.toUnsignedLong(idx) < paramCount) {
            return true;
        }
        return expanded ? init[idx] : runInit.contains(Integer.toUnsignedLong(idx));
    }

    /** Records that local {@code idx} (of a non-defaultable type) is set. */
    void setInit(int idx) {
        if (isInit(idx)) {
            return;
        }
        if (expanded) {
            init[idx] = true;
        } else {
            runInit.add(Integer.toUnsignedLong(idx));
        }
        if (initCount == inits.length) {
            inits = Arrays.copyOf(inits, initCount * 2);
        }
        inits[initCount++] = Integer.toUnsignedLong(idx);
    }

    /** The height of the initialization stack. */
    int initHeight() {
        return initCount;
    }

    /** Forgets the initializations recorded above {@code height}. */
    void resetTo(int height) {
        while (initCount > height) {
            long i = inits[--initCount];
            if (expanded) {
                init[(int) i] = false;
            } else {
                runInit.remove(i);
            }
        }
    }
}
