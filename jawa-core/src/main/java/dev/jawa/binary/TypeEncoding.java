package dev.jawa.binary;

import dev.jawa.types.ArrayType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import dev.jawa.types.ValType;
import dev.jawa.types.AddressType;
import java.util.List;

/** Writes the type encodings of the binary format, in their shortest forms. */
final class TypeEncoding {

    private TypeEncoding() {
    }

    /** A recursion group: a group of one is written as its sub type alone. */
    static void recType(ByteWriter out, RecType r) {
        List<SubType> types = r.types();
        if (types.size() == 1) {
            subType(out, types.getFirst());
            return;
        }
        out.u8(0x4E);
        out.u32(types.size());
        for (SubType t : types) {
            subType(out, t);
        }
    }

    /** A sub type: final types without supertypes are written as their composite type alone. */
    static void subType(ByteWriter out, SubType t) {
        if (!t.isPlain()) {
            out.u8(t.isFinal() ? 0x4F : 0x50);
            out.u32(t.supertypes().size());
            for (int s : t.supertypes()) {
                out.u32(s);
            }
        }
        switch (t.composite()) {
            case FuncType f -> {
                out.u8(0x60);
                valTypes(out, f.params());
                valTypes(out, f.results());
            }
            case StructType s -> {
                out.u8(0x5F);
                out.u32(s.fields().size());
                for (FieldType field : s.fields()) {
                    fieldType(out, field);
                }
            }
            case ArrayType a -> {
                out.u8(0x5E);
                fieldType(out, a.element());
            }
        }
    }

    private static void valTypes(ByteWriter out, List<ValType> types) {
        out.u32(types.size());
        for (ValType t : types) {
            out.valType(t);
        }
    }

    private static void fieldType(ByteWriter out, FieldType f) {
        switch (f.storage()) {
            case PackedType p -> out.u8(p.code());
            case ValType v -> out.valType(v);
        }
        out.u8(f.mutable() ? 1 : 0);
    }

    /** A global type. */
    static void globalType(ByteWriter out, GlobalType g) {
        out.valType(g.valType());
        out.u8(g.mutable() ? 1 : 0);
    }

    /** A tag type: the reserved zero byte and the type index. */
    static void tagType(ByteWriter out, TagType t) {
        out.u8(0);
        out.u32(t.typeIndex());
    }

    /** A table type. */
    static void tableType(ByteWriter out, TableType t) {
        out.refType(t.elementType());
        limits(out, t.limits(), false, t.addressType());
    }

    /** A memory type. */
    static void memoryType(ByteWriter out, MemoryType m) {
        limits(out, m.limits(), m.shared(), m.addressType());
    }

    private static void limits(ByteWriter out, Limits l, boolean shared, AddressType at) {
        out.u8((l.hasMax() ? 1 : 0) | (shared ? 2 : 0) | (at == AddressType.I64 ? 4 : 0));
        out.u64(l.min());
        if (l.hasMax()) {
            out.u64(l.max());
        }
    }
}
