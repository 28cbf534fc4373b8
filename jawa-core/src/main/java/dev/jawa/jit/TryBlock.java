package dev.jawa.jit;

import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The exception handling of one try_table or legacy try being compiled (see
 * {@link ExceptionEmitter}): the code range its JVM handler covers, the handler, and the locals
 * the handler works with.
 *
 * <p>A JVM handler starts with an empty operand stack, so the values below the construct that a
 * catch needs again are saved in locals of their own ({@link #savedSlots}) when it opens.
 */
final class TryBlock {

    /** Where the covered code starts. */
    final Label bodyStart;
    /** The JVM handler: entered with the WebAssemblyException on the stack. */
    final Label handler;
    /** The local holding the caught WebAssemblyException (also for a legacy rethrow). */
    final int exnSlot;
    /** Locals holding the operand stack's bottom values when the construct opened, bottom first. */
    final int[] savedSlots;
    final List<TypeKind> savedKinds;
    /** Whether the covered range is still open (a legacy try's ends at its first catch). */
    boolean rangeOpen = true;
    /** Where the covered range ends, once it did. */
    Label bodyEnd;
    /**
     * Code inside the range whose exceptions must not reach this handler (the rethrow of a legacy
     * delegate to a label further out): pairs of start and end labels, in code order.
     */
    final List<Label[]> holes = new ArrayList<>();
    /** Whether the handler's code exists (a try without catch clauses has none). */
    boolean hasHandler;
    /** Legacy try: the label of the next clause's tag test, while the last clause was a catch. */
    Label noMatch;

    TryBlock(Label bodyStart, Label handler, int exnSlot, int[] savedSlots, List<TypeKind> savedKinds) {
        this.bodyStart = bodyStart;
        this.handler = handler;
        this.exnSlot = exnSlot;
        this.savedSlots = savedSlots;
        this.savedKinds = savedKinds;
    }
}
