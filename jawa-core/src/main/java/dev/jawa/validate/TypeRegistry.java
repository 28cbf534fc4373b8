package dev.jawa.validate;

import dev.jawa.InvalidModuleException;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StorageType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine-wide table of canonical types: iso-recursive type equivalence by hash-consing.
 *
 * <p>A recursion group is turned into a flat int key in which a reference to a type of the same
 * group is its relative position and a reference to an earlier type is that type's canonical
 * {@link DefinedType#id()}. Two groups are equivalent exactly when their keys are equal, so one
 * {@link ConcurrentHashMap} lookup per group finds its canonical members: no pairwise search.
 *
 * <p>The table is global, thread-safe, and holds its entries <em>strongly</em>: a type once
 * seen stays for the life of the JVM (keeping its canonical identity stable for every module
 * that will ever use it). Its size is bounded by the number of distinct recursion groups the
 * process has validated, which for real workloads is small.
 */
public final class TypeRegistry {

    private static final ConcurrentHashMap<Key, DefinedType[]> GROUPS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** Heap-code flag for a reference into the same group (key encoding only). */
    private static final int IN_GROUP = 0x0800_0000;

    private TypeRegistry() {
    }

    /** The number of distinct recursion groups registered so far (for tests and monitoring). */
    public static int groupCount() {
        return GROUPS.size();
    }

    /**
     * The canonical types of {@code group}, whose first type has module type index
     * {@code start}; {@code moduleTypes[0, start)} must hold the canonical types of the earlier
     * types, and the group's own entries are stored into it too. The caller has checked that
     * every type index in the group is below {@code start + group size}, and every declared
     * supertype index is below its own type's index.
     */
    static DefinedType[] intern(RecType group, int start, DefinedType[] moduleTypes) {
        Key key = new Key(encode(group, start, moduleTypes));
        DefinedType[] members = GROUPS.computeIfAbsent(key, k -> create(group, start, moduleTypes));
        System.arraycopy(members, 0, moduleTypes, start, members.length);
        return members;
    }

    private static DefinedType[] create(RecType group, int start, DefinedType[] moduleTypes) {
        List<SubType> subs = group.types();
        int n = subs.size();
        DefinedType[] members = new DefinedType[n];
        for (int i = 0; i < n; i++) {
            int id = NEXT_ID.getAndIncrement();
            if (id >= IN_GROUP - TypeCodes.DEF_BASE) {
                // Keys encode ids below the in-group flag; 134 million distinct types is the limit.
                throw new InvalidModuleException("too many distinct types in this process");
            }
            members[i] = new DefinedType(id, i, subs.get(i), moduleTypes);
        }
        // The context array must resolve this group's own indices before anyone can see it.
        System.arraycopy(members, 0, moduleTypes, start, n);
        for (int i = 0; i < n; i++) {
            List<Integer> sup = subs.get(i).supertypes();
            DefinedType s = null;
            if (!sup.isEmpty()) {
                int x = sup.get(0);
                s = x >= start ? members[x - start] : moduleTypes[x];
            }
            members[i].link(members, s);
        }
        return members;
    }

    private static int[] encode(RecType group, int start, DefinedType[] moduleTypes) {
        IntBuffer out = new IntBuffer(16);
        List<SubType> subs = group.types();
        out.add(subs.size());
        for (SubType s : subs) {
            out.add(s.isFinal() ? 1 : 0);
            out.add(s.supertypes().size());
            for (int x : s.supertypes()) {
                out.add(indexCode(x, start, subs.size(), moduleTypes));
            }
            switch (s.composite()) {
                case FuncType f -> {
                    out.add(0);
                    out.add(f.params().size());
                    for (ValType t : f.params()) {
                        out.add(storageCode(t, start, subs.size(), moduleTypes));
                    }
                    out.add(f.results().size());
                    for (ValType t : f.results()) {
                        out.add(storageCode(t, start, subs.size(), moduleTypes));
                    }
                }
                case StructType st -> {
                    out.add(1);
                    out.add(st.fields().size());
                    for (FieldType ft : st.fields()) {
                        out.add(storageCode(ft.storage(), start, subs.size(), moduleTypes));
                        out.add(ft.mutable() ? 1 : 0);
                    }
                }
                case ArrayType a -> {
                    out.add(2);
                    out.add(storageCode(a.element().storage(), start, subs.size(), moduleTypes));
                    out.add(a.element().mutable() ? 1 : 0);
                }
            }
        }
        return out.toArray();
    }

    private static int indexCode(int x, int start, int size, DefinedType[] moduleTypes) {
        return x >= start ? IN_GROUP | (x - start) : TypeCodes.DEF_BASE + moduleTypes[x].id();
    }

    private static int storageCode(StorageType t, int start, int size, DefinedType[] moduleTypes) {
        return switch (t) {
            case NumType n -> TypeCodes.I32 + n.ordinal();
            case VecType v -> TypeCodes.V128;
            case PackedType p -> p == PackedType.I8 ? TypeCodes.I8 : TypeCodes.I16;
            case RefType r -> TypeCodes.ref(r.nullable(), heapCode(r.heapType(), start, size, moduleTypes));
        };
    }

    private static int heapCode(HeapType h, int start, int size, DefinedType[] moduleTypes) {
        return switch (h) {
            case AbsHeapType a -> ModuleTypes.absHeapCode(a);
            case TypeIndex ti -> indexCode(ti.index(), start, size, moduleTypes);
        };
    }

    /** A recursion group's structural key, compared by content. */
    private static final class Key {
        private final int[] code;
        private final int hash;

        Key(int[] code) {
            this.code = code;
            this.hash = Arrays.hashCode(code);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
