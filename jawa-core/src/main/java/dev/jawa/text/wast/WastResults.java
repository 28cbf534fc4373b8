package dev.jawa.text.wast;

import dev.jawa.runtime.ExternRef;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.V128;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.util.List;

/**
 * Script values in the interpreter's raw representation (see {@link dev.jawa.runtime.Global}),
 * and the comparison of results with {@code assert_return}'s patterns: floats bit for bit, NaN
 * patterns by their quiet bit and payload, v128 lane by lane.
 */
final class WastResults {

    private WastResults() {
    }

    /** Stores argument {@code v} in slot {@code k}. */
    static void toRaw(WastValue v, long[] values, Object[] refs, int k) {
        switch (v) {
            case WastValue.I32 x -> values[k] = x.value();
            case WastValue.I64 x -> values[k] = x.value();
            case WastValue.F32 x -> values[k] = x.bits();
            case WastValue.F64 x -> values[k] = x.bits();
            case WastValue.V128 x -> refs[k] = new V128(x.low(), x.high());
            case WastValue.RefNull x -> refs[k] = null;
            case WastValue.RefExtern x -> refs[k] = new ExternRef(x.n());
            case WastValue.RefHost x -> refs[k] = new ExternRef(x.n());
        }
    }

    /** Null if the results match the patterns, else a description of the difference. */
    static String compare(WastExecutor.Results results, List<ResultPattern> expected) {
        List<ValType> types = results.types();
        if (types.size() != expected.size()) {
            return "returned " + types.size() + " values, expected " + expected.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            long bits = results.values()[i];
            Object ref = results.refs()[i];
            if (!matches(expected.get(i), types.get(i), bits, ref)) {
                return "result " + i + " is " + show(types.get(i), bits, ref) + ", expected " + expected.get(i);
            }
        }
        return null;
    }

    private static boolean matches(ResultPattern p, ValType type, long bits, Object ref) {
        return switch (p) {
            case ResultPattern.Exact e -> exact(e.value(), type, bits, ref);
            case ResultPattern.NaN n -> n.is64()
                    ? type == NumType.F64 && nan64(bits, n.canonical())
                    : type == NumType.F32 && nan32((int) bits, n.canonical());
            case ResultPattern.V128Lanes l -> ref instanceof V128 v && lanes(l, v);
            case ResultPattern.RefKind k -> refKind(k.kind(), ref);
            case ResultPattern.Either e -> e.alternatives().stream().anyMatch(a -> matches(a, type, bits, ref));
        };
    }

    private static boolean exact(WastValue v, ValType type, long bits, Object ref) {
        return switch (v) {
            case WastValue.I32 x -> type == NumType.I32 && (int) bits == x.value();
            case WastValue.I64 x -> type == NumType.I64 && bits == x.value();
            case WastValue.F32 x -> type == NumType.F32 && (int) bits == x.bits();
            case WastValue.F64 x -> type == NumType.F64 && bits == x.bits();
            case WastValue.V128 x -> ref instanceof V128 r && r.low() == x.low() && r.high() == x.high();
            case WastValue.RefNull x -> !(type instanceof NumType) && ref == null;
            case WastValue.RefExtern x -> new ExternRef(x.n()).equals(ref);
            case WastValue.RefHost x -> new ExternRef(x.n()).equals(ref);
        };
    }

    private static boolean nan32(int bits, boolean canonical) {
        return canonical ? (bits & 0x7FFF_FFFF) == 0x7FC0_0000 : (bits & 0x7FC0_0000) == 0x7FC0_0000;
    }

    private static boolean nan64(long bits, boolean canonical) {
        return canonical ? (bits & Long.MAX_VALUE) == 0x7FF8_0000_0000_0000L
                : (bits & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
    }

    private static boolean refKind(String kind, Object ref) {
        return switch (kind) {
            case "null" -> ref == null;
            case "func" -> ref instanceof FunctionInstance;
            case "extern" -> ref != null;
            case "i31" -> ref instanceof dev.jawa.runtime.I31Ref;
            case "struct" -> ref instanceof dev.jawa.runtime.StructRef;
            case "array" -> ref instanceof dev.jawa.runtime.ArrayRef;
            case "eq" -> ref instanceof dev.jawa.runtime.I31Ref || ref instanceof dev.jawa.runtime.StructRef
                    || ref instanceof dev.jawa.runtime.ArrayRef;
            case "any" -> ref != null && !(ref instanceof FunctionInstance);
            case "exn" -> ref instanceof dev.jawa.runtime.ExceptionInstance;
            default -> false;
        };
    }

    private static boolean lanes(ResultPattern.V128Lanes l, V128 v) {
        int laneBits = switch (l.shape()) {
            case "i8x16" -> 8;
            case "i16x8" -> 16;
            case "i32x4", "f32x4" -> 32;
            default -> 64;
        };
        int count = 128 / laneBits;
        for (int i = 0; i < count; i++) {
            long lane = lane(v, i, laneBits);
            ResultPattern.NaN nan = l.nanLanes() == null ? null : l.nanLanes()[i];
            if (nan != null) {
                boolean ok = laneBits == 32 ? nan32((int) lane, nan.canonical()) : nan64(lane, nan.canonical());
                if (!ok) {
                    return false;
                }
            } else {
                long mask = laneBits == 64 ? -1L : (1L << laneBits) - 1;
                if ((lane & mask) != (l.lanes()[i] & mask)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long lane(V128 v, int i, int laneBits) {
        int bit = i * laneBits;
        long half = bit < 64 ? v.low() : v.high();
        int shift = bit % 64;
        long mask = laneBits == 64 ? -1L : (1L << laneBits) - 1;
        return (half >>> shift) & mask;
    }

    private static String show(ValType type, long bits, Object ref) {
        if (type == NumType.I32) {
            return "i32 " + (int) bits;
        }
        if (type == NumType.I64) {
            return "i64 " + bits;
        }
        if (type == NumType.F32) {
            return "f32 " + Float.intBitsToFloat((int) bits) + " (0x" + Integer.toHexString((int) bits) + ")";
        }
        if (type == NumType.F64) {
            return "f64 " + Double.longBitsToDouble(bits) + " (0x" + Long.toHexString(bits) + ")";
        }
        return String.valueOf(ref);
    }
}
