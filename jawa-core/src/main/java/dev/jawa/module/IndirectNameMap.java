package dev.jawa.module;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Names within a second-level index space (locals of a function, labels of a function, fields of
 * a type), keyed by the outer index.
 */
public record IndirectNameMap(SortedMap<Integer, NameMap> maps) {

    /** The empty map. */
    public static final IndirectNameMap EMPTY = new IndirectNameMap(new TreeMap<>());

    public IndirectNameMap {
        maps = Collections.unmodifiableSortedMap(new TreeMap<>(maps));
    }

    /** An indirect name map from any map. */
    public static IndirectNameMap of(Map<Integer, NameMap> maps) {
        return maps.isEmpty() ? EMPTY : new IndirectNameMap(new TreeMap<>(maps));
    }

    /** The name of inner index {@code inner} under {@code outer}, or null. */
    public String get(int outer, int inner) {
        NameMap m = maps.get(outer);
        return m == null ? null : m.get(inner);
    }

    /** The names under {@code outer} (empty if none). */
    public NameMap of(int outer) {
        NameMap m = maps.get(outer);
        return m == null ? NameMap.EMPTY : m;
    }

    /** Whether there are no names. */
    public boolean isEmpty() {
        return maps.isEmpty();
    }
}
