package dev.jawa.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels in scope while parsing code: innermost last. A label id shadows an outer one with
 * the same id; lookups are constant-time through a chain of same-named labels, so deep nesting
 * costs nothing quadratic.
 */
final class LabelStack {

    private String[] names = new String[16];
    private int[] shadowed = new int[16];
    private final Map<String, Integer> innermost = new HashMap<>();
    private int size;

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(names, 0, size, null);
        innermost.clear();
        size = 0;
    }

    /** Pushes a label, named {@code id} or anonymous (null). */
    void push(String id) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            shadowed = Arrays.copyOf(shadowed, size * 2);
        }
        names[size] = id;
        if (id != null) {
            Integer prev = innermost.put(id, size);
            shadowed[size] = prev == null ? -1 : prev;
        }
        size++;
    }

    /** Pops the innermost label. */
    void pop() {
        size--;
        String id = names[size];
        if (id != null) {
            int prev = shadowed[size];
            if (prev < 0) {
                innermost.remove(id);
            } else {
                innermost.put(id, prev);
            }
            names[size] = null;
        }
    }

    /** The id of the innermost label (null if anonymous). */
    String top() {
        return names[size - 1];
    }

    /** Consumes a label reference and returns its relative depth. */
    int resolve(TokenCursor c) {
        if (c.is(TokenKind.ID)) {
            String id = c.idName(c.pos());
            Integer i = innermost.get(id);
            if (i == null) {
                throw c.error("unknown label $" + id);
            }
            c.advance();
            return size - 1 - i;
        }
        if (c.is(TokenKind.NAT)) {
            return c.u32();
        }
        throw c.unexpected();
    }
}
