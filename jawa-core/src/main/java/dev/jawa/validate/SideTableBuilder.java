package dev.jawa.validate;

import java.util.Arrays;

/**
 * Builds a function's branch side table (layout in {@link FunctionInfo}) during the single
 * validation pass. Forward targets are unknown when a branch is seen, so entries to the same
 * label are chained through their {@code targetPc} field and patched when the label's
 * {@code end} arrives: each entry is written twice at most, keeping the pass linear.
 */
final class SideTableBuilder {

    private static final int N = FunctionInfo.ENTRY_SIZE;

    private int[] data = new int[64 * N];
    private int count;

    void reset() {
        count = 0;
    }

    /** The number of entries so far (the side-table pointer at the current instruction). */
    int count() {
        return count;
    }

    /** A new entry with its target still unknown; returns its index. */
    int add(int sourcePc, int arity, int height) {
        if ((count + 1) * N > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int o = count * N;
        data[o] = sourcePc;
        data[o + 1] = -1;
        data[o + 2] = -1;
        data[o + 3] = arity;
        data[o + 4] = height;
        return count++;
    }

    /** Sets entry {@code e}'s target. */
    void target(int e, int pc, int stp) {
        data[e * N + 1] = pc;
        data[e * N + 2] = stp;
    }

    /** Prepends entry {@code e} to the chain starting at {@code head}; returns the new head. */
    int link(int e, int head) {
        data[e * N + 1] = head;
        return e;
    }

    /** Resolves every entry of the chain starting at {@code head} to {@code pc}/{@code stp}. */
    void patchChain(int head, int pc, int stp) {
        while (head >= 0) {
            int next = data[head * N + 1];
            data[head * N + 1] = pc;
            data[head * N + 2] = stp;
            head = next;
        }
    }

    int[] toArray() {
        return Arrays.copyOf(data, count * N);
    }
}
