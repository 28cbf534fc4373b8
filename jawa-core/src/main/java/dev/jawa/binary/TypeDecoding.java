package dev.jawa.binary;

import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StorageType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.TagType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the type encodings of the binary format (spec section "Types"): recursion groups,
 * sub types, composite types, limits and the types of tables, memories, globals and tags.
 * Error messages follow the reference interpreter.
 */
final class TypeDecoding {

    private static final int REC = 0x4E;
    private static final int SUB = 0x50;
    private static final int SUB_FINAL = 0x4F;
    private static final int FUNC = 0x60;
    private static final int STRUCT = 0x5F;
    private static final int ARRAY = 0x5E;

    private TypeDecoding() {
    }

    /** The initial capacity of a list of {@code n} declared elements: never trust a huge count. */
    static int capacity(int n) {
        return Math.min(n, 1024);
    }

    /** A recursion group: {@code 0x4E} and a vector of sub types, or one sub type alone. */
    static RecType recType(ByteReader in) {
        if (in.peek() == REC) {
            in.u8();
            int n = in.vecLength();
            List<SubType> types = new ArrayList<>(capacity(n));
            for (int i = 0; i < n; i++) {
                types.add(subType(in));
            }
            return new RecType(types);
        }
        return RecType.single(subType(in));
    }

    /** A sub type: {@code 0x50}/{@code 0x4F} with supertypes, or a bare composite type (final). */
    static SubType subType(ByteReader in) {
        int b = in.peek();
        if (b == SUB || b == SUB_FINAL) {
            in.u8();
            int n = in.vecLength();
            List<Integer> supers = new ArrayList<>(capacity(n));
            for (int i = 0; i < n; i++) {
                supers.add(typeIndex(in));
            }
            return new SubType(b == SUB_FINAL, supers, compType(in));
        }
        return SubType.plain(compType(in));
    }

    /** A type index where the binary format allows any u32; Jawa's model needs an int. */
    static int typeIndex(ByteReader in) {
        int at = in.position();
        int x = in.u32();
        if (x < 0) {
            throw in.errorAt("malformed type index", at);
        }
        return x;
    }

    /** A composite type: func, struct or array. */
    static CompositeType compType(ByteReader in) {
        int at = in.position();
        int b = in.u8();
        return switch (b) {
            case FUNC -> new FuncType(valTypes(in), valTypes(in));
            case STRUCT -> {
                int n = in.vecLength();
                List<FieldType> fields = new ArrayList<>(capacity(n));
                for (int i = 0; i < n; i++) {
                    fields.add(fieldType(in));
                }
                yield new StructType(fields);
            }
            case ARRAY -> new ArrayType(fieldType(in));
            default -> throw signedByteError(in, b, at, "malformed definition type");
        };
    }

    /**
     * The error for a byte that should be a one-byte signed LEB128 type code: the reference
     * reads such codes as s7, so a continuation bit makes the representation too long.
     */
    private static RuntimeException signedByteError(ByteReader in, int b, int at, String malformed) {
        if ((b & 0x80) != 0) {
            return in.errorAt("integer representation too long", at + 1);
        }
        return in.errorAt(malformed, at);
    }

    private static List<ValType> valTypes(ByteReader in) {
        int n = in.vecLength();
        List<ValType> types = new ArrayList<>(capacity(n));
        for (int i = 0; i < n; i++) {
            types.add(in.readValType());
        }
        return types;
    }

    /** A field type: a storage type and its mutability. */
    static FieldType fieldType(ByteReader in) {
        StorageType st = storageType(in);
        return new FieldType(st, mutability(in));
    }

    private static StorageType storageType(ByteReader in) {
        int at = in.position();
        int b = in.peek();
        if (b == PackedType.I8.code()) {
            in.u8();
            return PackedType.I8;
        }
        if (b == PackedType.I16.code()) {
            in.u8();
            return PackedType.I16;
        }
        if (!startsValType(b)) {
            in.u8();
            throw signedByteError(in, b, at, "malformed storage type");
        }
        return in.readValType();
    }

    private static boolean startsValType(int b) {
        return (b >= 0x7B && b <= 0x7F) || b == 0x63 || b == 0x64 || AbsHeapType.fromCode(b) != null;
    }

    /** A mutability flag: 0 constant, 1 variable. */
    static boolean mutability(ByteReader in) {
        int at = in.position();
        int b = in.u8();
        if (b > 1) {
            throw in.errorAt("malformed mutability", at);
        }
        return b == 1;
    }

    /** A global type: value type and mutability. */
    static GlobalType globalType(ByteReader in) {
        ValType t = in.readValType();
        return new GlobalType(t, mutability(in));
    }

    /** A tag type: a reserved zero byte and a type index. */
    static TagType tagType(ByteReader in) {
        zeroByte(in);
        return new TagType(typeIndex(in));
    }

    /** One reserved byte that must be zero. */
    static void zeroByte(ByteReader in) {
        int at = in.position();
        if (in.u8() != 0) {
            throw in.errorAt("zero byte expected", at);
        }
    }

    /** A table type: element reference type and limits (flags: bit 0 max, bit 2 table64). */
    static TableType tableType(ByteReader in) {
        RefType elem = in.readRefType();
        int flags = limitFlags(in, 0x05);
        return new TableType(addressType(flags), limits(in, flags), elem);
    }

    /** A memory type: limits (flags: bit 0 max, bit 1 shared, bit 2 memory64). */
    static MemoryType memoryType(ByteReader in) {
        int flags = limitFlags(in, 0x07);
        return new MemoryType(addressType(flags), limits(in, flags), (flags & 2) != 0);
    }

    private static int limitFlags(ByteReader in, int allowed) {
        int at = in.position();
        int flags = in.u8();
        if ((flags & ~allowed) != 0) {
            throw in.errorAt("malformed limits flags", at);
        }
        return flags;
    }

    private static AddressType addressType(int flags) {
        return (flags & 4) != 0 ? AddressType.I64 : AddressType.I32;
    }

    private static Limits limits(ByteReader in, int flags) {
        long min = in.u64();
        return (flags & 1) != 0 ? Limits.between(min, in.u64()) : Limits.atLeast(min);
    }
}
