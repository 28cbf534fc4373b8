package dev.jawa.runtime;

import dev.jawa.validate.DefinedType;

/** An exception tag instance: its identity is the tag; its type is a function type of the payload. */
public final class TagInstance {

    private final DefinedType type;

    public TagInstance(DefinedType type) {
        this.type = type;
    }

    public DefinedType type() {
        return type;
    }
}
