package dev.jawa.text;

import dev.jawa.module.NameMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One index space of a module (functions, types, locals, ...): how many entries it has, and the
 * symbolic identifiers bound to them, which become the module's debug names.
 */
final class IndexSpace {

    private final String category;
    private final Map<String, Integer> ids = new HashMap<>();
    private final TreeMap<Integer, String> names = new TreeMap<>();
    private int count;

    /** {@code category} names the space in messages: "unknown {category} $x". */
    IndexSpace(String category) {
        this.category = category;
    }

    /** The number of entries. */
    int count() {
        return count;
    }

    /**
     * Adds an entry, binding {@code id} (null for none) to it, and returns its index; a second
     * binding of one id is reported through {@code duplicate} (which returns the exception).
     */
    int bind(String id, TokenCursor at, int tokenIndex) {
        int index = count++;
        if (id != null) {
            if (ids.putIfAbsent(id, index) != null) {
                throw at.errorAt(tokenIndex, "duplicate " + category + " $" + id);
            }
            names.put(index, id);
        }
        return index;
    }

    /** Adds {@code n} anonymous entries. */
    void bindAnonymous(long n) {
        count += (int) n;
    }

    /** The index bound to {@code id}, or -1. */
    int lookup(String id) {
        Integer i = ids.get(id);
        return i == null ? -1 : i;
    }

    /** Sets the debug name of entry {@code index} (from an {@code @name} annotation). */
    void rename(int index, String name) {
        names.put(index, name);
    }

    /**
     * Consumes an index (a u32 or an identifier bound in this space) and returns it; an unbound
     * identifier is "unknown {category}".
     */
    int resolve(TokenCursor c) {
        if (c.is(TokenKind.ID)) {
            String id = c.idName(c.pos());
            Integer i = ids.get(id);
            if (i == null) {
                throw c.error("unknown " + category + " $" + id);
            }
            c.advance();
            return i;
        }
        if (c.is(TokenKind.NAT)) {
            return c.u32();
        }
        throw c.unexpected();
    }

    /** The identifiers as a name map (index order). */
    NameMap names() {
        return names.isEmpty() ? NameMap.EMPTY : NameMap.of(names);
    }

    /** Whether any identifier is bound. */
    boolean hasIds() {
        return !ids.isEmpty();
    }
}
