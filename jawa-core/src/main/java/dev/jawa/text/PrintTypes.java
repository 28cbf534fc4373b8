package dev.jawa.text;

import dev.jawa.types.AbsHeapType;
import dev.jawa.types.FieldType;
import dev.jawa.types.HeapType;
import dev.jawa.types.Limits;
import dev.jawa.types.PackedType;
import dev.jawa.types.RefType;
import dev.jawa.types.StorageType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;

/** Text spellings of value, reference, heap, storage and field types, and of limits. */
final class PrintTypes {

    /** The abbreviations of the nullable abstract reference types, by heap type ordinal. */
    private static final String[] NULLABLE_SHORT = new String[AbsHeapType.values().length];

    static {
        for (AbsHeapType t : AbsHeapType.values()) {
            NULLABLE_SHORT[t.ordinal()] = new RefType(true, t).shortText();
        }
    }

    private PrintTypes() {
    }

    static void appendValType(StringBuilder sb, PrintNames names, ValType t) {
        if (t instanceof RefType r) {
            appendRefType(sb, names, r);
        } else {
            sb.append(t.text());
        }
    }

    /** {@code funcref} and friends where there is an abbreviation, else {@code (ref null? ht)}. */
    static void appendRefType(StringBuilder sb, PrintNames names, RefType r) {
        appendRefType(sb, names, r.nullable(), r.heapType());
    }

    /** The reference type {@code (ref null? ht)}, without building a {@link RefType}. */
    static void appendRefType(StringBuilder sb, PrintNames names, boolean nullable, HeapType ht) {
        if (nullable && ht instanceof AbsHeapType abs) {
            sb.append(NULLABLE_SHORT[abs.ordinal()]);
            return;
        }
        sb.append(nullable ? "(ref null " : "(ref ");
        appendHeapType(sb, names, ht);
        sb.append(')');
    }

    static void appendHeapType(StringBuilder sb, PrintNames names, HeapType h) {
        switch (h) {
            case AbsHeapType abs -> sb.append(abs.text());
            case TypeIndex ti -> appendIndex(sb, names.type(ti.index()), ti.index());
        }
    }

    static void appendStorageType(StringBuilder sb, PrintNames names, StorageType t) {
        switch (t) {
            case PackedType p -> sb.append(p.text());
            case ValType v -> appendValType(sb, names, v);
        }
    }

    /** A field type: the storage type, wrapped in {@code (mut ...)} when mutable. */
    static void appendFieldType(StringBuilder sb, PrintNames names, FieldType f) {
        if (f.mutable()) {
            sb.append("(mut ");
            appendStorageType(sb, names, f.storage());
            sb.append(')');
        } else {
            appendStorageType(sb, names, f.storage());
        }
    }

    /** {@code min} or {@code min max}, unsigned. */
    static void appendLimits(StringBuilder sb, Limits l) {
        PrintNumbers.appendU64(sb, l.min());
        if (l.hasMax()) {
            sb.append(' ');
            PrintNumbers.appendU64(sb, l.max());
        }
    }

    /** An id if there is one, else the index. */
    static void appendIndex(StringBuilder sb, String id, int index) {
        if (id != null) {
            sb.append(id);
        } else {
            PrintNumbers.appendU32(sb, index);
        }
    }
}
