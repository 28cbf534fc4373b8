package dev.jawa.validate;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Expr;
import java.util.BitSet;

/** Checks the structural invariants of a function's side table (see {@link FunctionInfo}). */
final class SideTableInvariants {

    private SideTableInvariants() {
    }

    /** The first violated invariant, or null. */
    static String check(FunctionInfo info, Expr body) {
        BitSet starts = new BitSet(body.length());
        InstructionReader r = body.reader();
        while (r.hasMore()) {
            starts.set(r.position());
            r.next();
        }
        int n = info.entryCount();
        int previous = -1;
        for (int e = 0; e < n; e++) {
            int src = info.sourcePc(e);
            if (!starts.get(src) || src < previous) {
                return "entry " + e + ": source " + src + " is not an instruction in order";
            }
            previous = src;
            if (info.arity(e) < 0 || info.targetHeight(e) < 0) {
                return "entry " + e + ": negative arity or height";
            }
            int stp = info.targetStp(e);
            int pc = info.targetPc(e);
            if (stp < 0) {
                continue; // delegate: the target is a label's opening instruction
            }
            if (!starts.get(pc)) {
                return "entry " + e + ": target " + pc + " is not an instruction";
            }
            // The side-table pointer at the target counts the entries of earlier instructions.
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (info.sourcePc(mid) < pc) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (stp != lo) {
                return "entry " + e + ": target stp " + stp + " but " + lo + " entries precede pc " + pc;
            }
        }
        return null;
    }
}
