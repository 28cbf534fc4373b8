package dev.jawa.runtime;

/**
 * An exception instance (the value of an {@code exnref}): the tag it was thrown with and its
 * payload, as raw values (see {@link Global} for the representation).
 */
public final class ExceptionInstance {

    private final TagInstance tag;
    private final long[] values;
    private final Object[] refs;

    public ExceptionInstance(TagInstance tag, long[] values, Object[] refs) {
        this.tag = tag;
        this.values = values;
        this.refs = refs;
    }

    public TagInstance tag() {
        return tag;
    }

    /** The payload's numeric values (do not modify). */
    public long[] values() {
        return values;
    }

    /** The payload's references and v128 values (do not modify). */
    public Object[] refs() {
        return refs;
    }
}
