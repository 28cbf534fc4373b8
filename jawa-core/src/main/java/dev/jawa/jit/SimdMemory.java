package dev.jawa.jit;

import dev.jawa.runtime.Memory;
import dev.jawa.runtime.V128;

/**
 * The SIMD loads and stores of compiled code, called by {@link SimdEmitter} by the opcode's name
 * (see there): the address, the v128 operand if any, then the memarg's offset, the memory, and
 * the lane for the lane forms. Each comes in an i32-address and an i64-address overload; both
 * compute the effective address like {@link MemoryAccess#ea} and then use the memory's own
 * bounds-checked accessors, so an access out of bounds traps with the spec's message and, for
 * stores, writes nothing (a v128 store checks all 16 bytes before the first write).
 */
final class SimdMemory {

    private SimdMemory() {
    }

    // ---- the accesses, by effective address ----

    private static V128 load128(long ea, Memory m) {
        m.check(ea, 16);
        return new V128(m.loadI64(ea), m.loadI64(ea + 8));
    }

    private static void store128(long ea, Object v, Memory m) {
        V128 x = SimdLanes.v(v);
        m.check(ea, 16);
        m.storeI64(ea, x.low());
        m.storeI64(ea + 8, x.high());
    }

    /** 8x8, 16x4 or 32x2 lanes of the 64 bits at {@code ea}, each widened to twice its width. */
    private static V128 extend(long ea, Memory m, int from, boolean signed) {
        long raw = m.loadI64(ea);
        int to = from * 2;
        long lo = 0;
        long hi = 0;
        int n = 64 / from;
        long toMask = to == 64 ? -1L : (1L << to) - 1;
        for (int i = 0; i < n; i++) {
            long x = raw >>> (i * from);
            x = signed ? (x << (64 - from)) >> (64 - from) : x & ((1L << from) - 1);
            int bit = i * to;
            if (bit < 64) {
                lo |= (x & toMask) << bit;
            } else {
                hi |= (x & toMask) << (bit - 64);
            }
        }
        return new V128(lo, hi);
    }

    private static long u8(long ea, Memory m) {
        return m.loadU8(ea);
    }

    private static long u16(long ea, Memory m) {
        return m.loadU16(ea);
    }

    private static long u32(long ea, Memory m) {
        return m.loadI32(ea) & 0xFFFF_FFFFL;
    }

    private static Object loadLane(long ea, Object v, Memory m, int lane, int bits) {
        long x = switch (bits) {
            case 8 -> u8(ea, m);
            case 16 -> u16(ea, m);
            case 32 -> u32(ea, m);
            default -> m.loadI64(ea);
        };
        return SimdLanes.replace(SimdLanes.v(v), lane, bits, x);
    }

    private static void storeLane(long ea, Object v, Memory m, int lane, int bits) {
        long x = SimdLanes.lane(SimdLanes.v(v), lane, bits);
        switch (bits) {
            case 8 -> m.storeI8(ea, (int) x);
            case 16 -> m.storeI16(ea, (int) x);
            case 32 -> m.storeI32(ea, (int) x);
            default -> m.storeI64(ea, x);
        }
    }

    // ---- i32 addresses ----

    static Object v128_load(int a, long off, Memory m) {
        return load128(MemoryAccess.ea(a, off), m);
    }

    static void v128_store(int a, Object v, long off, Memory m) {
        store128(MemoryAccess.ea(a, off), v, m);
    }

    static Object v128_load8x8_s(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 8, true);
    }

    static Object v128_load8x8_u(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 8, false);
    }

    static Object v128_load16x4_s(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 16, true);
    }

    static Object v128_load16x4_u(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 16, false);
    }

    static Object v128_load32x2_s(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 32, true);
    }

    static Object v128_load32x2_u(int a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 32, false);
    }

    static Object v128_load8_splat(int a, long off, Memory m) {
        return SimdLanes.splat(u8(MemoryAccess.ea(a, off), m), 8);
    }

    static Object v128_load16_splat(int a, long off, Memory m) {
        return SimdLanes.splat(u16(MemoryAccess.ea(a, off), m), 16);
    }

    static Object v128_load32_splat(int a, long off, Memory m) {
        return SimdLanes.splat(u32(MemoryAccess.ea(a, off), m), 32);
    }

    static Object v128_load64_splat(int a, long off, Memory m) {
        long x = m.loadI64(MemoryAccess.ea(a, off));
        return new V128(x, x);
    }

    static Object v128_load32_zero(int a, long off, Memory m) {
        return new V128(u32(MemoryAccess.ea(a, off), m), 0);
    }

    static Object v128_load64_zero(int a, long off, Memory m) {
        return new V128(m.loadI64(MemoryAccess.ea(a, off)), 0);
    }

    static Object v128_load8_lane(int a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 8);
    }

    static Object v128_load16_lane(int a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 16);
    }

    static Object v128_load32_lane(int a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 32);
    }

    static Object v128_load64_lane(int a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 64);
    }

    static void v128_store8_lane(int a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 8);
    }

    static void v128_store16_lane(int a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 16);
    }

    static void v128_store32_lane(int a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 32);
    }

    static void v128_store64_lane(int a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 64);
    }

    // ---- i64 addresses (memory64) ----

    static Object v128_load(long a, long off, Memory m) {
        return load128(MemoryAccess.ea(a, off), m);
    }

    static void v128_store(long a, Object v, long off, Memory m) {
        store128(MemoryAccess.ea(a, off), v, m);
    }

    static Object v128_load8x8_s(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 8, true);
    }

    static Object v128_load8x8_u(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 8, false);
    }

    static Object v128_load16x4_s(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 16, true);
    }

    static Object v128_load16x4_u(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 16, false);
    }

    static Object v128_load32x2_s(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 32, true);
    }

    static Object v128_load32x2_u(long a, long off, Memory m) {
        return extend(MemoryAccess.ea(a, off), m, 32, false);
    }

    static Object v128_load8_splat(long a, long off, Memory m) {
        return SimdLanes.splat(u8(MemoryAccess.ea(a, off), m), 8);
    }

    static Object v128_load16_splat(long a, long off, Memory m) {
        return SimdLanes.splat(u16(MemoryAccess.ea(a, off), m), 16);
    }

    static Object v128_load32_splat(long a, long off, Memory m) {
        return SimdLanes.splat(u32(MemoryAccess.ea(a, off), m), 32);
    }

    static Object v128_load64_splat(long a, long off, Memory m) {
        long x = m.loadI64(MemoryAccess.ea(a, off));
        return new V128(x, x);
    }

    static Object v128_load32_zero(long a, long off, Memory m) {
        return new V128(u32(MemoryAccess.ea(a, off), m), 0);
    }

    static Object v128_load64_zero(long a, long off, Memory m) {
        return new V128(m.loadI64(MemoryAccess.ea(a, off)), 0);
    }

    static Object v128_load8_lane(long a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 8);
    }

    static Object v128_load16_lane(long a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 16);
    }

    static Object v128_load32_lane(long a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 32);
    }

    static Object v128_load64_lane(long a, Object v, long off, Memory m, int lane) {
        return loadLane(MemoryAccess.ea(a, off), v, m, lane, 64);
    }

    static void v128_store8_lane(long a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 8);
    }

    static void v128_store16_lane(long a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 16);
    }

    static void v128_store32_lane(long a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 32);
    }

    static void v128_store64_lane(long a, Object v, long off, Memory m, int lane) {
        storeLane(MemoryAccess.ea(a, off), v, m, lane, 64);
    }
}
