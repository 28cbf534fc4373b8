package dev.jawa.binary;

import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Opcode;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;

/**
 * Walks binary instruction code one instruction at a time: {@link #next()} decodes the opcode and
 * its immediates, which the accessors then return. One reader serves the decoder (which checks
 * the encoding), the printer, the validator and the tiers' translators, so instruction decoding
 * lives in exactly one place.
 *
 * <p>Nothing is allocated per instruction except for the variable-length immediates (br_table
 * targets, select types, catch clauses) and reference types. Which accessor holds what:
 * <ul>
 *   <li>{@link #index()}: the first index of any kind (label, function, type, local, global,
 *       table, tag, memory, data, element) and the lane of lane instructions; for br_table the
 *       default label; for br_on_cast the label;</li>
 *   <li>{@link #index2()}: the second index (call_indirect's table, struct field, memory.init's
 *       memory, memory.copy and table.copy's source, array.new_fixed's count, ...);</li>
 *   <li>{@link #memIndex()}, {@link #alignLog2()}, {@link #memOffset()}: a memarg, with
 *       {@link #index()} the lane for MEMARG_LANE;</li>
 *   <li>{@link #bits()}: i32/i64 constants (sign-extended) and f32/f64 bit patterns;</li>
 *   <li>{@link #v128Low()}/{@link #v128High()}: v128 constants and shuffle lanes (little-endian);</li>
 *   <li>{@link #blockType()}, {@link #labels()}, {@link #types()}, {@link #heapType()},
 *       {@link #refType1()}/{@link #refType2()}, {@link #catches()}.</li>
 * </ul>
 */
public final class InstructionReader extends ByteReader {

    private static final int[] NO_LABELS = new int[0];
    private static final ValType[] NO_TYPES = new ValType[0];
    private static final Catch[] NO_CATCHES = new Catch[0];

    private Opcode op;
    private int start;
    private int index;
    private int index2;
    private int memIndex;
    private int alignLog2;
    private long memOffset;
    private long bits;
    private long v128Low;
    private long v128High;
    private BlockType blockType;
    private int[] labels = NO_LABELS;
    private ValType[] types = NO_TYPES;
    private HeapType heapType;
    private RefType refType1;
    private RefType refType2;
    private Catch[] catches = NO_CATCHES;
    private int rawAlignFlags;

    /** A reader of the code in {@code buf[start, end)}; {@code base} is the offset of buf[0]. */
    public InstructionReader(byte[] buf, int start, int end, long base) {
        super(buf, start, end, base);
    }

    // How next() handles the immediates of each single-byte opcode, looked up by the opcode byte
    // itself: one load ahead of the dispatch instead of opcode -> layout -> ordinal. Derived
    // from the Opcode table at class initialization.
    private static final byte K_NONE = 0;
    private static final byte K_INDEX = 1;
    private static final byte K_I32 = 2;
    private static final byte K_MEMARG = 3;
    private static final byte K_OTHER = 4;
    private static final byte K_PREFIX_OR_ILLEGAL = 5;
    private static final byte[] SINGLE_KIND = singleKinds();

    private static byte[] singleKinds() {
        byte[] kinds = new byte[256];
        for (int b = 0; b < 256; b++) {
            Opcode o = Opcode.single(b);
            kinds[b] = o == null ? K_PREFIX_OR_ILLEGAL : switch (o.imm()) {
                case NONE -> K_NONE;
                case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM -> K_INDEX;
                case I32 -> K_I32;
                case MEMARG -> K_MEMARG;
                default -> K_OTHER;
            };
        }
        return kinds;
    }

    /** Decodes the next instruction; its opcode is returned and its immediates held. */
    public Opcode next() {
        // Kept small so that it inlines into callers' loops; prefixed opcodes, errors and the
        // rarer immediates are handled out of line.
        int p = pos;
        start = p;
        if (p >= limit) {
            throw endError();
        }
        int b = buf[p] & 0xFF;
        pos = p + 1;
        Opcode o = Opcode.single(b);
        op = o;
        switch (SINGLE_KIND[b]) {
            case K_NONE -> { }
            case K_INDEX -> index = u32();
            case K_I32 -> bits = s32();
            case K_MEMARG -> readMemarg();
            case K_OTHER -> readOtherImmediates(o.imm());
            default -> {
                o = prefixedOrIllegal(b);
                op = o;
                readOtherImmediates(o.imm());
            }
        }
        return o;
    }

    /** The prefixed opcode whose prefix {@code b} was just read, or the illegal-opcode error. */
    private Opcode prefixedOrIllegal(int b) {
        if (b >= Opcode.PREFIX_GC && b <= Opcode.PREFIX_ATOMIC) {
            int codeAt = pos;
            int code = u32();
            Opcode o = code < 0 ? null : Opcode.prefixed(b, code);
            if (o == null) {
                throw errorAt(String.format("illegal opcode %02x %02x", b, code & 0xFFFF_FFFFL), codeAt - 1);
            }
            return o;
        }
        throw errorAt(String.format("illegal opcode %02x", b), start);
    }

    /** Reads the immediates of any layout (all of them for prefixed opcodes). */
    private void readOtherImmediates(Opcode.Imm imm) {
        switch (imm) {
            case NONE -> { }
            case BLOCK_TYPE -> blockType = readBlockType();
            case TRY_TABLE -> {
                blockType = readBlockType();
                int n = count();
                Catch[] cs = n == 0 ? NO_CATCHES : new Catch[n];
                for (int i = 0; i < n; i++) {
                    int kindAt = pos;
                    int k = u8();
                    if (k > 3) {
                        throw errorAt("malformed catch clause", kindAt);
                    }
                    Catch.Kind kind = Catch.Kind.values()[k];
                    int tag = kind.hasTag() ? u32() : 0;
                    cs[i] = new Catch(kind, tag, u32());
                }
                catches = cs;
            }
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM -> index = u32();
            case BR_TABLE -> {
                int n = count();
                int[] ls = new int[n];
                for (int i = 0; i < n; i++) {
                    ls[i] = u32();
                }
                labels = ls;
                index = u32();
            }
            case CALL_INDIRECT, MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY, TYPE_FIELD, TYPE_TYPE,
                 TYPE_COUNT, TYPE_DATA, TYPE_ELEM -> {
                index = u32();
                index2 = u32();
            }
            case MEMARG -> readMemarg();
            case MEMARG_LANE -> {
                readMemarg();
                index = u8();
            }
            case I32 -> bits = s32();
            case I64 -> bits = s64();
            case F32 -> bits = fixed32() & 0xFFFF_FFFFL;
            case F64 -> bits = fixed64();
            case V128, SHUFFLE -> {
                v128Low = fixed64();
                v128High = fixed64();
            }
            case LANE -> index = u8();
            case HEAP_TYPE -> heapType = readHeapType();
            case SELECT_TYPES -> {
                int n = count();
                ValType[] ts = n == 0 ? NO_TYPES : new ValType[n];
                for (int i = 0; i < n; i++) {
                    ts[i] = readValType();
                }
                types = ts;
            }
            case BR_ON_CAST -> {
                int flagsAt = pos;
                int flags = u8();
                if (flags > 3) {
                    throw errorAt("malformed cast flags", flagsAt);
                }
                index = u32();
                refType1 = RefType.of((flags & 1) != 0, readHeapType());
                refType2 = RefType.of((flags & 2) != 0, readHeapType());
            }
            case ATOMIC_FENCE -> {
                int at = pos;
                if (u8() != 0) {
                    throw errorAt("malformed atomic fence", at);
                }
            }
        }
    }

    /** A vector length, which cannot exceed the bytes left (each element takes at least one). */
    private int count() {
        return vecLength();
    }

    private void readMemarg() {
        int at = pos;
        int flags = u32();
        rawAlignFlags = flags;
        // Bit 6 announces a memory index; anything above it is malformed (checked first, as the
        // reference interpreter does, before reading the index).
        if (flags < 0 || flags >= 0x80) {
            throw errorAt("malformed memop flags", at);
        }
        if ((flags & 0x40) != 0) {
            memIndex = u32();
            if (memIndex == 0) {
                canonical = false; // memory 0 is written without an index
            }
            flags &= ~0x40;
        } else {
            memIndex = 0;
        }
        alignLog2 = flags;
        memOffset = u64();
    }

    private BlockType readBlockType() {
        int b = peek();
        if (b == 0x40) {
            pos++;
            return BlockType.EMPTY;
        }
        if ((b & 0xC0) == 0x40 || b == 0x63 || b == 0x64) {
            ValType t = readValType();
            return switch (t) {
                case NumType n -> VALUE_BLOCKS[n.ordinal()];
                case VecType v -> V128_BLOCK;
                case RefType r -> new BlockType.Value(r);
            };
        }
        int at = pos;
        long idx = s33();
        if (idx < 0) {
            throw errorAt("malformed block type", at);
        }
        if (idx > Integer.MAX_VALUE) {
            throw errorAt("type index out of range", at);
        }
        return new BlockType.Func((int) idx);
    }

    private static final BlockType.Value[] VALUE_BLOCKS = {
        new BlockType.Value(NumType.I32), new BlockType.Value(NumType.I64),
        new BlockType.Value(NumType.F32), new BlockType.Value(NumType.F64)
    };
    private static final BlockType.Value V128_BLOCK = new BlockType.Value(VecType.V128);

    /** The opcode of the instruction last read. */
    public Opcode opcode() {
        return op;
    }

    /** The buffer index where the instruction last read starts. */
    public int instructionStart() {
        return start;
    }

    /** The absolute input offset of the instruction last read. */
    public long instructionOffset() {
        return base + start;
    }

    /** The first index immediate (see the class comment). */
    public int index() {
        return index;
    }

    /** The second index immediate (see the class comment). */
    public int index2() {
        return index2;
    }

    /** The memarg's memory index. */
    public int memIndex() {
        return memIndex;
    }

    /** The memarg's alignment exponent. */
    public int alignLog2() {
        return alignLog2;
    }

    /** The memarg's offset (unsigned 64-bit). */
    public long memOffset() {
        return memOffset;
    }

    /** The memarg's flags field as encoded (alignment, plus 0x40 if a memory index follows). */
    public int rawAlignFlags() {
        return rawAlignFlags;
    }

    /** The constant: i32 (sign-extended), i64, or the bits of an f32 (low 32) or f64. */
    public long bits() {
        return bits;
    }

    /** The low 8 bytes of a v128 constant or shuffle. */
    public long v128Low() {
        return v128Low;
    }

    /** The high 8 bytes of a v128 constant or shuffle. */
    public long v128High() {
        return v128High;
    }

    /** The block type of block, loop, if, try and try_table. */
    public BlockType blockType() {
        return blockType;
    }

    /** br_table's targets, without the default (which is {@link #index()}); do not modify. */
    public int[] labels() {
        return labels;
    }

    /** select's types; do not modify. */
    public ValType[] types() {
        return types;
    }

    /** The heap type of ref.null, ref.test and ref.cast. */
    public HeapType heapType() {
        return heapType;
    }

    /** br_on_cast's source type. */
    public RefType refType1() {
        return refType1;
    }

    /** br_on_cast's target type. */
    public RefType refType2() {
        return refType2;
    }

    /** try_table's catch clauses; do not modify. */
    public Catch[] catches() {
        return catches;
    }
}
