package dev.jawa.binary;

import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.types.RefType;
import java.util.List;

/** Writes element and data segments in their most compact binary forms. */
final class SegmentEncoding {

    private SegmentEncoding() {
    }

    /** An element segment in its most compact form (see {@link BinaryEncoder}). */
    static void element(ByteWriter s, ElementSegment e) {
        boolean indices = e.type().equals(SegmentDecoding.REF_FUNC) && allRefFunc(e.init());
        RefType implicitType = indices ? SegmentDecoding.REF_FUNC : RefType.FUNCREF;
        int flags = switch (e.mode()) {
            case ACTIVE -> e.table() == 0 && e.type().equals(implicitType) ? 0 : 2;
            case PASSIVE -> 1;
            case DECLARATIVE -> 3;
        };
        if (!indices) {
            flags |= 4;
        }
        s.u32(flags);
        if (e.mode() == SegmentMode.ACTIVE) {
            if ((flags & 2) != 0) {
                s.u32(e.table());
            }
            BinaryEncoder.expr(s, e.offset());
        }
        if ((flags & 3) != 0) {
            if (indices) {
                s.u8(0x00); // element kind: function references
            } else {
                s.refType(e.type());
            }
        }
        s.u32(e.init().size());
        for (Expr x : e.init()) {
            if (indices) {
                s.u32((int) refFuncIndex(x));
            } else {
                BinaryEncoder.expr(s, x);
            }
        }
    }

    private static boolean allRefFunc(List<Expr> init) {
        for (Expr x : init) {
            if (refFuncIndex(x) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The function index if {@code x} is exactly {@code ref.func x; end}, else -1. */
    private static long refFuncIndex(Expr x) {
        int n = x.length();
        if (n < 3 || n > 7 || (x.byteAt(0) & 0xFF) != Opcode.REF_FUNC.code()
                || (x.byteAt(n - 1) & 0xFF) != Opcode.END.code()) {
            return -1;
        }
        long index = 0;
        for (int i = 1; i < n - 1; i++) {
            int b = x.byteAt(i) & 0xFF;
            index |= (long) (b & 0x7F) << (7 * (i - 1));
            if (((b & 0x80) == 0) != (i == n - 2)) {
                return -1; // the LEB128 must end exactly before the end opcode
            }
        }
        return index <= 0xFFFF_FFFFL ? index : -1;
    }

    /** A data segment: flags 0 (active, memory 0), 1 (passive) or 2 (active, other memory). */
    static void data(ByteWriter s, DataSegment d) {
        if (d.mode() == SegmentMode.PASSIVE) {
            s.u8(1);
        } else if (d.memory() == 0) {
            s.u8(0);
            BinaryEncoder.expr(s, d.offset());
        } else {
            s.u8(2);
            s.u32(d.memory());
            BinaryEncoder.expr(s, d.offset());
        }
        s.u32(d.length());
        s.bytes(d.bytes());
    }
}
