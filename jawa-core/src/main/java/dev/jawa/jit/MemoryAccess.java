package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.Traps;
import java.lang.constant.ClassDesc;

/**
 * Loads and stores for compiled code: the effective address, then {@link Memory}'s own accessor,
 * which checks bounds inline and reads the memory's current {@code byte[]} through a
 * little-endian array-view VarHandle (a large or shared memory's paged backing is its out-of-line
 * path). Accesses to a 32-bit unshared memory with an offset below 2^31, the common case, go
 * through {@link IntIndexAccess} instead, which does the same in int arithmetic with one bounds
 * check; this class serves memory64, shared memories and larger offsets.
 *
 * <p>Why static methods and not the same bytes inline at every access: each is about 30 bytes of
 * bytecode, under HotSpot's always-inline size, so the machine code is the same as if it were
 * written inline, while the generated methods stay several times smaller (HotSpot refuses to
 * compile methods over 8,000 bytes of bytecode, and the class file caps them at 64 KiB). The
 * memory's array is read at every access, so a {@code memory.grow} anywhere is always seen.
 *
 * <p>32-bit addresses are zero-extended and the offset (below 2^32) added, so the effective address
 * is never negative and one comparison checks both ends. 64-bit addresses whose sum overflows or
 * exceeds 2^63 become {@link Long#MAX_VALUE}, which no memory reaches.
 */
final class MemoryAccess {

    static final ClassDesc CD = ClassDesc.of(MemoryAccess.class.getName());

    private static final byte[] NO_DATA = new byte[0];

    private MemoryAccess() {
    }

    static Trap oob() {
        return Traps.memoryOutOfBounds();
    }

    static long ea(int addr, long off) {
        return (addr & 0xFFFF_FFFFL) + off;
    }

    static long ea(long addr, long off) {
        long ea = addr + off;
        return (addr | off | ea) < 0 ? Long.MAX_VALUE : ea;
    }

    // ---- 32-bit addresses ----

    static int loadI8(int addr, long off, Memory m) {
        return i8(ea(addr, off), m);
    }

    static int loadU8(int addr, long off, Memory m) {
        return i8(ea(addr, off), m) & 0xFF;
    }

    static int loadI16(int addr, long off, Memory m) {
        return i16(ea(addr, off), m);
    }

    static int loadU16(int addr, long off, Memory m) {
        return i16(ea(addr, off), m) & 0xFFFF;
    }

    static int loadI32(int addr, long off, Memory m) {
        return i32(ea(addr, off), m);
    }

    static long loadI64(int addr, long off, Memory m) {
        return i64(ea(addr, off), m);
    }

    static void storeI8(int addr, int v, long off, Memory m) {
        s8(ea(addr, off), v, m);
    }

    static void storeI16(int addr, int v, long off, Memory m) {
        s16(ea(addr, off), v, m);
    }

    static void storeI32(int addr, int v, long off, Memory m) {
        s32(ea(addr, off), v, m);
    }

    static void storeI64(int addr, long v, long off, Memory m) {
        s64(ea(addr, off), v, m);
    }

    // ---- 64-bit addresses ----

    static int loadI8(long addr, long off, Memory m) {
        return i8(ea(addr, off), m);
    }

    static int loadU8(long addr, long off, Memory m) {
        return i8(ea(addr, off), m) & 0xFF;
    }

    static int loadI16(long addr, long off, Memory m) {
        return i16(ea(addr, off), m);
    }

    static int loadU16(long addr, long off, Memory m) {
        return i16(ea(addr, off), m) & 0xFFFF;
    }

    static int loadI32(long addr, long off, Memory m) {
        return i32(ea(addr, off), m);
    }

    static long loadI64(long addr, long off, Memory m) {
        return i64(ea(addr, off), m);
    }

    static void storeI8(long addr, int v, long off, Memory m) {
        s8(ea(addr, off), v, m);
    }

    static void storeI16(long addr, int v, long off, Memory m) {
        s16(ea(addr, off), v, m);
    }

    static void storeI32(long addr, int v, long off, Memory m) {
        s32(ea(addr, off), v, m);
    }

    static void storeI64(long addr, long v, long off, Memory m) {
        s64(ea(addr, off), v, m);
    }

    // ---- the accesses (ea >= 0) ----
    // Memory's own accessors check bounds inline and go out of line only on a failed check (to
    // the paged backing of a large or shared memory, or to the trap), so they are the hot path.

    private static int i8(long ea, Memory m) {
        return m.loadI8(ea);
    }

    private static int i16(long ea, Memory m) {
        return m.loadI16(ea);
    }

    private static int i32(long ea, Memory m) {
        return m.loadI32(ea);
    }

    private static long i64(long ea, Memory m) {
        return m.loadI64(ea);
    }

    private static void s8(long ea, int v, Memory m) {
        m.storeI8(ea, v);
    }

    private static void s16(long ea, int v, Memory m) {
        m.storeI16(ea, v);
    }

    private static void s32(long ea, int v, Memory m) {
        m.storeI32(ea, v);
    }

    private static void s64(long ea, long v, Memory m) {
        m.storeI64(ea, v);
    }

    // ---- size, grow and bulk operations ----

    static int grow(int delta, Memory m) {
        return (int) m.grow(delta & 0xFFFF_FFFFL);
    }

    static long grow(long delta, Memory m) {
        return m.grow(delta);
    }

    static void fill(long d, long value, long n, Memory m) {
        m.fill(d, (int) value, n);
    }

    static void copy(long d, long s, long n, Memory dst, Memory src) {
        dst.copyFrom(src, s, d, n);
    }

    static void init(long d, long s, long n, JitContext ctx, int mem, int data) {
        byte[] bytes = ctx.instance.dataSegments()[data];
        ctx.memories[mem].init(bytes == null ? NO_DATA : bytes, s, d, n);
    }

    static void dataDrop(JitContext ctx, int data) {
        ctx.instance.dataSegments()[data] = null;
    }
}
