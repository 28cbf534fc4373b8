package dev.jawa.module;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Names for some indices of one index space, in index order. */
public record NameMap(SortedMap<Integer, String> names) {

    /** The empty map. */
    public static final NameMap EMPTY = new NameMap(new TreeMap<>());

    public NameMap {
        names = Collections.unmodifiableSortedMap(new TreeMap<>(names));
    }

    /** A name map from any map. */
    public static NameMap of(Map<Integer, String> names) {
        return names.isEmpty() ? EMPTY : new NameMap(new TreeMap<>(names));
    }

    /** The name of index {@code i}, or null. */
    public String get(int i) {
        return names.get(i);
    }

    /** Whether there are no names. */
    public boolean isEmpty() {
        return names.isEmpty();
    }
}
