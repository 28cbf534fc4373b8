package dev.jawa.types;

import java.util.List;

/**
 * A recursion group: types that may refer to each other. Types written outside any {@code rec}
 * form a group of one.
 */
public record RecType(List<SubType> types) {

    public RecType {
        types = List.copyOf(types);
    }

    /** A group holding one type. */
    public static RecType single(SubType type) {
        return new RecType(List.of(type));
    }
}
