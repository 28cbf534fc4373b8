package dev.jawa.validate;

/**
 * What validation learned about one function body, for the execution tiers: the operand-stack
 * bound, the number of locals, and the <em>branch side table</em>.
 *
 * <h2>Stack and locals</h2>
 * {@link #maxStackHeight()} is the largest number of operand-stack values the body can hold at
 * once, counting one slot per value of any type (an i32 and a v128 are one slot each), not
 * counting locals. {@link #localCount()} is the number of parameters plus declared locals.
 *
 * <h2>Side table</h2>
 * Every instruction that can transfer control to a label owns a fixed number of consecutive
 * <em>entries</em>, laid out in the order the instructions appear in the body. An entry is
 * {@link #ENTRY_SIZE} ints of {@link #sideTable()}:
 * <ol start="0">
 *   <li>{@code sourcePc}: the body offset of the instruction owning the entry;</li>
 *   <li>{@code targetPc}: the body offset where execution continues when the branch is taken;</li>
 *   <li>{@code targetStp}: the index of the entry an interpreter's side-table pointer must hold
 *       at {@code targetPc} (the first entry owned by an instruction at or after it);</li>
 *   <li>{@code arity}: how many values on top of the operand stack the branch carries;</li>
 *   <li>{@code targetHeight}: the operand-stack height (in slots, from the frame's base) below
 *       those values at the target: a taken branch moves the top {@code arity} values down to
 *       start at {@code targetHeight}.</li>
 * </ol>
 * So an interpreter keeps a side-table pointer {@code stp} beside its {@code pc}: it starts at
 * 0; an instruction that does not branch advances {@code stp} past its own entries; a taken
 * branch through entry {@code e} sets {@code pc = targetPc(e)} and {@code stp = targetStp(e)}.
 * No search is ever needed.
 *
 * <p>Targets: a branch to a {@code block}, {@code if}, {@code try_table} or legacy {@code try}
 * label, or to the function's own label, continues <em>at</em> that construct's {@code end}
 * instruction (or {@code delegate}), which the interpreter executes (for the function's final
 * {@code end}: return). A branch to a {@code loop} continues at the loop's first body
 * instruction.
 *
 * <p>Entries per instruction:
 * <ul>
 *   <li>{@code br}, {@code br_if}, {@code br_on_null}, {@code br_on_non_null},
 *       {@code br_on_cast}, {@code br_on_cast_fail}: one entry, for the label;</li>
 *   <li>{@code br_table}: one entry per listed label, then one for the default label;</li>
 *   <li>{@code if}: one entry, taken when the condition is false: to the first instruction of
 *       the else arm (with {@code targetStp} past the {@code else}'s own entry), or to the
 *       {@code end} when there is no else; {@code arity} is the block's parameter count;</li>
 *   <li>{@code else}: one entry, reached at the end of the then arm: to the {@code end};</li>
 *   <li>{@code try_table}: one entry per catch clause, in order, to the clause's label;
 *       executing {@code try_table} skips them, and a caught exception branches through the
 *       clause's entry;</li>
 *   <li>legacy {@code try}: one entry, to its first {@code catch}, {@code catch_all},
 *       {@code delegate}, or its {@code end} (no handler), with {@code arity} 0 and
 *       {@code targetHeight} the height at the try's start: where exception dispatch goes;</li>
 *   <li>legacy {@code catch} and {@code catch_all}: two entries: the first, taken when the
 *       preceding arm falls through into it, to the try's {@code end}; the second, for dispatch
 *       when the handler does not match, to the next {@code catch}/{@code catch_all}, or the
 *       {@code end};</li>
 *   <li>legacy {@code delegate}: one entry whose {@code targetPc} is the body offset of the
 *       instruction that opened the delegate's target label ({@code block}, {@code loop},
 *       {@code if}, {@code try}, {@code try_table}), or -1 for the function's label (meaning:
 *       to the caller); {@code targetStp} is -1 and {@code targetHeight} that label's base.</li>
 * </ul>
 * Entries in unreachable code are present (so the layout stays positional) but never used.
 */
public final class FunctionInfo {

    /** The number of ints per side-table entry. */
    public static final int ENTRY_SIZE = 5;

    private final int typeIndex;
    private final int paramCount;
    private final long localCount;
    private final int maxStackHeight;
    private final int[] sideTable;

    FunctionInfo(int typeIndex, int paramCount, long localCount, int maxStackHeight, int[] sideTable) {
        this.typeIndex = typeIndex;
        this.paramCount = paramCount;
        this.localCount = localCount;
        this.maxStackHeight = maxStackHeight;
        this.sideTable = sideTable;
    }

    /** The function's type index. */
    public int typeIndex() {
        return typeIndex;
    }

    /** The number of parameters. */
    public int paramCount() {
        return paramCount;
    }

    /** The number of locals, parameters included. */
    public long localCount() {
        return localCount;
    }

    /** The maximum operand-stack height, in slots of one value each. */
    public int maxStackHeight() {
        return maxStackHeight;
    }

    /** The raw side table ({@link #ENTRY_SIZE} ints per entry; see the class comment); do not modify. */
    public int[] sideTable() {
        return sideTable;
    }

    /** The number of side-table entries. */
    public int entryCount() {
        return sideTable.length / ENTRY_SIZE;
    }

    /** The body offset of the instruction owning entry {@code e}. */
    public int sourcePc(int e) {
        return sideTable[e * ENTRY_SIZE];
    }

    /** Where execution continues when entry {@code e}'s branch is taken. */
    public int targetPc(int e) {
        return sideTable[e * ENTRY_SIZE + 1];
    }

    /** The side-table pointer at {@link #targetPc(int)}. */
    public int targetStp(int e) {
        return sideTable[e * ENTRY_SIZE + 2];
    }

    /** The number of values the branch carries. */
    public int arity(int e) {
        return sideTable[e * ENTRY_SIZE + 3];
    }

    /** The operand-stack height below the carried values at the target. */
    public int targetHeight(int e) {
        return sideTable[e * ENTRY_SIZE + 4];
    }
}
