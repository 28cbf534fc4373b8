package dev.jawa.runtime;

import dev.jawa.Trap;

/** The spec's trap messages, in one place, and factories for the traps. */
public final class Traps {

    public static final String UNREACHABLE = "unreachable";
    public static final String MEMORY_OOB = "out of bounds memory access";
    public static final String TABLE_OOB = "out of bounds table access";
    public static final String DIV_ZERO = "integer divide by zero";
    public static final String INT_OVERFLOW = "integer overflow";
    public static final String INVALID_CONVERSION = "invalid conversion to integer";
    public static final String UNDEFINED_ELEMENT = "undefined element";
    public static final String UNINITIALIZED_ELEMENT = "uninitialized element";
    public static final String INDIRECT_TYPE_MISMATCH = "indirect call type mismatch";
    public static final String NULL_FUNCTION = "null function reference";
    public static final String NULL_REFERENCE = "null reference";
    public static final String NULL_EXCEPTION = "null exception reference";
    public static final String STACK_EXHAUSTED = "call stack exhausted";

    private Traps() {
    }

    public static Trap memoryOutOfBounds() {
        return new Trap(MEMORY_OOB);
    }

    public static Trap tableOutOfBounds() {
        return new Trap(TABLE_OOB);
    }
}
