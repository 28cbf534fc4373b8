package dev.jawa.binary;

import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.RefType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads element and data segments in all their binary forms and normalizes them to the model.
 *
 * <p>Element segments: the flags' bit 0 marks a passive or declarative segment, bit 1 an
 * explicit table index (active) or declarative (otherwise), bit 2 element expressions with a
 * reference type instead of function indices with an element kind. The function-index forms
 * (0 to 3) have type {@code (ref func)}; each index {@code x} becomes the expression
 * {@code ref.func x; end}. Form 4's implicit type is {@code funcref}.
 */
final class SegmentDecoding {

    /** The element type of the function-index forms: non-nullable function references. */
    static final RefType REF_FUNC = RefType.of(false, AbsHeapType.FUNC);

    private SegmentDecoding() {
    }

    /** An index that the binary format allows up to 2^32-1 but Jawa's model keeps in an int. */
    static int index(ByteReader in) {
        return in.u32AsInt("index out of range");
    }

    /** One element segment. */
    static ElementSegment element(ByteReader in, ExprScanner exprs) {
        int at = in.position();
        int flags = in.u32();
        if (flags < 0 || flags > 7) {
            throw in.errorAt("malformed elements segment kind", at);
        }
        SegmentMode mode = (flags & 1) == 0 ? SegmentMode.ACTIVE
                : (flags & 2) == 0 ? SegmentMode.PASSIVE : SegmentMode.DECLARATIVE;
        int table = 0;
        Expr offset = null;
        if (mode == SegmentMode.ACTIVE) {
            if ((flags & 2) != 0) {
                table = index(in);
            }
            offset = exprs.read();
        }
        boolean explicitType = (flags & 3) != 0;
        if ((flags & 4) == 0) {
            if (explicitType) {
                elementKind(in);
            }
            int n = in.vecLength();
            List<Expr> init = new ArrayList<>(TypeDecoding.capacity(n));
            for (int i = 0; i < n; i++) {
                init.add(refFunc(in.u32()));
            }
            return new ElementSegment(mode, table, offset, REF_FUNC, init);
        }
        RefType type = explicitType ? in.readRefType() : RefType.FUNCREF;
        int n = in.vecLength();
        List<Expr> init = new ArrayList<>(TypeDecoding.capacity(n));
        for (int i = 0; i < n; i++) {
            init.add(exprs.read());
        }
        return new ElementSegment(mode, table, offset, type, init);
    }

    private static void elementKind(ByteReader in) {
        int at = in.position();
        if (in.u8() != 0x00) {
            throw in.errorAt("malformed element kind", at);
        }
    }

    /** The expression {@code ref.func funcIndex; end}, canonically encoded. */
    static Expr refFunc(int funcIndex) {
        long x = funcIndex & 0xFFFF_FFFFL;
        int len = 1;
        for (long v = x >>> 7; v != 0; v >>>= 7) {
            len++;
        }
        byte[] code = new byte[len + 2];
        code[0] = (byte) Opcode.REF_FUNC.code();
        for (int i = 1; i <= len; i++) {
            code[i] = (byte) ((x & 0x7F) | (i < len ? 0x80 : 0));
            x >>>= 7;
        }
        code[len + 1] = (byte) Opcode.END.code();
        return Expr.ofCanonical(code);
    }

    /** One data segment: flags 0 (active, memory 0), 1 (passive) or 2 (active, explicit memory). */
    static DataSegment data(ByteReader in, ExprScanner exprs) {
        int at = in.position();
        int flags = in.u32();
        return switch (flags) {
            case 0 -> {
                Expr offset = exprs.read();
                yield new DataSegment(SegmentMode.ACTIVE, 0, offset, bytes(in));
            }
            case 1 -> new DataSegment(SegmentMode.PASSIVE, 0, null, bytes(in));
            case 2 -> {
                int memory = index(in);
                Expr offset = exprs.read();
                yield new DataSegment(SegmentMode.ACTIVE, memory, offset, bytes(in));
            }
            default -> throw in.errorAt("malformed data segment kind", at);
        };
    }

    private static byte[] bytes(ByteReader in) {
        return in.bytes(in.vecLength());
    }
}
