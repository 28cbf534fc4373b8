package dev.jawa.interp;

import dev.jawa.runtime.WasmFunction;

/**
 * What the interpreter asks when a function gets hot, so that another tier (the compiler, in
 * {@code Tier.AUTO}) can take over. The interpreter counts calls and backward branches per
 * function; when a function's budget ({@link #FIRST_BUDGET}, then what {@link #hot} returns) runs
 * out, it calls {@link #hot}. The answer decides whether calls to the function leave the
 * interpreter (through {@code WasmFunction.invoke}, which reaches the tier) and whether a running
 * loop is moved to compiled code ({@link #osr}).
 */
public interface TierUp {

    /** Calls plus backward branches before a function is first reported hot. */
    int FIRST_BUDGET = 1000;

    /**
     * {@code f} ran out of budget. Returns a positive new budget while {@code f} stays interpreted
     * (the compiled code is not ready, say), or 0 or less once it has compiled code that calls
     * should use (the interpreter then asks again at each call, which is cheap).
     */
    int hot(WasmFunction f);

    /**
     * On-stack replacement: runs the rest of {@code f} as compiled code, from the head of the loop
     * whose {@code loop} instruction is at body offset {@code loopOffset}, with an empty operand
     * stack. {@code values} and {@code refs} hold the frame's locals (raw bits and references, as
     * in the interpreter's frame; at least as long as the results); on success they receive the
     * results and this returns true. Returns false, having run nothing, when there is no compiled
     * entry for that loop.
     */
    boolean osr(WasmFunction f, int loopOffset, long[] values, Object[] refs);
}
