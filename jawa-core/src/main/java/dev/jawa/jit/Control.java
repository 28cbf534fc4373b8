package dev.jawa.jit;

import dev.jawa.module.Opcode;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.util.List;

/**
 * One open construct of the function being compiled (block, loop, if, or the function itself).
 *
 * <p>The invariant that makes branches simple: at {@link #label} the JVM operand stack holds the
 * stack below the construct ({@link #base} values, unchanged since it opened) and then exactly the
 * values the label carries (a loop's parameters, a block's results). A branch with other values
 * in between stores the carried ones in scratch locals, pops the rest, reloads and jumps.
 */
final class Control {

    final Opcode op;
    final int base;
    final List<TypeKind> params;
    final List<TypeKind> results;
    /** Where a branch to this construct goes: the loop head, or the end. Null for the function. */
    final Label label;
    /** For an if: the start of the else arm (or the end if there is none); null once the else began. */
    Label elseLabel;
    /** Whether some branch targets {@link #label} (so the end is reachable even after dead code). */
    boolean used;
    /** For try_table and a legacy try: their exception handlers (see {@link ExceptionEmitter}); else null. */
    TryBlock tryBlock;
    /**
     * In a split-off region ({@link FunctionSplitter}): a construct of the caller, reached by
     * returning this depth (its depth at the call site); -1 for a construct of this method.
     */
    int exitDepth = -1;

    Control(Opcode op, int base, List<TypeKind> params, List<TypeKind> results, Label label) {
        this.op = op;
        this.base = base;
        this.params = params;
        this.results = results;
        this.label = label;
    }

    /** The values a branch to this construct carries. */
    List<TypeKind> carried() {
        return op == Opcode.LOOP ? params : results;
    }

    boolean isFunction() {
        return label == null;
    }
}
