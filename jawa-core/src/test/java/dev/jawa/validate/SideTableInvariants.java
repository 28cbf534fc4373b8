package dev.jawa.validate;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Expr;
import dev.jawa.module.Module;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks the structural invariants of a function's side table (see {@link FunctionInfo}). Public
 * for the spec testsuite test, which checks every valid module of the testsuite with it.
 */
public final class SideTableInvariants {

    private SideTableInvariants() {
    }

    /** For each defined function whose side table breaks an invariant: the function and the first problem. */
    public static List<String> problems(ValidatedModule validated) {
        List<String> problems = new ArrayList<>();
        Module m = validated.module();
        for (int i = 0; i < validated.functionCount(); i++) {
            String problem = check(validated.function(i), m.functions().get(i).body());
            if (problem != null) {
                problems.add("function " + (m.importedFuncCount() + i) + ": " + problem);
            }
        }
        return problems;
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
