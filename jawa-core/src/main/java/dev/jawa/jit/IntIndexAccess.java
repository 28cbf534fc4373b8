package dev.jawa.jit;

import dev.jawa.runtime.Memory;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores of a 32-bit, unshared memory with a static offset below 2^31 (nearly every
 * access C compilers emit), computed in int arithmetic so that the array's own bounds check is
 * the only one on the hot path.
 *
 * <p>The index is {@code (addr + off) | (addr >> 31)}. A byte[] memory is under 2^31 bytes, so an
 * effective address of 2^31 or more is out of bounds: it shows as a negative index, both when
 * {@code addr} is at least 2^31 as unsigned ({@code addr >> 31} is then -1) and when the int sum
 * wraps (both terms below 2^31, so the sum is below 2^32 and wraps to a negative int). Every
 * other index is the effective address itself. The array access (a plain {@code baload} or a
 * little-endian view VarHandle) then checks it against the length, which HotSpot compiles to one
 * unsigned comparison, and a failure raises an {@link IndexOutOfBoundsException} that the
 * handler turns into {@link Memory}'s own accessor with the long address: the spec's trap "out of
 * bounds memory access", created here, inside the compiled method's frame, so {@link TrapFrames}
 * and the line numbers give the same wasm frames as every other trap. The previous path (a long
 * effective address, a long comparison in {@link Memory}, then the VarHandle's own check) costs
 * two comparisons and the zero extensions per access, and C2 merges none of them.
 *
 * <p>A paged memory (one that grew past {@link Memory#MAX_ARRAY_PAGES}) exposes an empty
 * {@link Memory#heapArray()}; it is tested first, so that its every access goes straight to
 * {@link Memory}'s accessor instead of building an exception. The test is a compare of a length
 * C2 already loads for the bounds check and is never taken for an ordinary memory. Shared memories
 * (always paged) never come here: {@link MemoryEmitter} sends them, memory64 and offsets of 2^31
 * or more to {@link MemoryAccess}.
 *
 * <p>Memory 0's array comes from a JVM local of the compiled method (see
 * {@code FunctionCompiler.heap0Slot}), passed as the array parameter; other memories' from the
 * memory itself at each access. A stale local would read and write the memory's old array, so the
 * compiler reloads it after everything that can replace the array.
 *
 * <p>Each method is small enough for HotSpot to inline at every call site, so the generated
 * methods stay small while the machine code is as if written inline.
 */
final class IntIndexAccess {

    static final ClassDesc CD = ClassDesc.of(IntIndexAccess.class.getName());

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private IntIndexAccess() {
    }

    /** The effective address for {@link Memory}'s accessors (the out-of-line path). */
    private static long ea(int addr, int off) {
        return (addr & 0xFFFF_FFFFL) + off;
    }

    /**
     * The array index: the effective address, or a negative number when that is 2^31 or more.
     * With no offset (most accesses: C compilers fold constants into the address) the address is
     * the index as it is; the test costs nothing, since {@code off} is a constant at every call
     * site and this method is inlined there.
     */
    private static int index(int addr, int off) {
        return off == 0 ? addr : (addr + off) | (addr >> 31);
    }

    static int loadI32(int addr, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            return m.loadI32(ea(addr, off));
        }
        try {
            int i = index(addr, off);
            return (int) INT.get(b, i);
        } catch (IndexOutOfBoundsException e) {
            return m.loadI32(ea(addr, off));
        }
    }

    static int loadI32(int addr, int off, Memory m) {
        return loadI32(addr, off, m.heapArray(), m);
    }

    static long loadI64(int addr, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            return m.loadI64(ea(addr, off));
        }
        try {
            int i = index(addr, off);
            return (long) LONG.get(b, i);
        } catch (IndexOutOfBoundsException e) {
            return m.loadI64(ea(addr, off));
        }
    }

    static long loadI64(int addr, int off, Memory m) {
        return loadI64(addr, off, m.heapArray(), m);
    }

    static int loadI16(int addr, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            return m.loadI16(ea(addr, off));
        }
        try {
            int i = index(addr, off);
            return (short) SHORT.get(b, i);
        } catch (IndexOutOfBoundsException e) {
            return m.loadI16(ea(addr, off));
        }
    }

    static int loadI16(int addr, int off, Memory m) {
        return loadI16(addr, off, m.heapArray(), m);
    }

    static int loadU16(int addr, int off, byte[] b, Memory m) {
        return loadI16(addr, off, b, m) & 0xFFFF;
    }

    static int loadU16(int addr, int off, Memory m) {
        return loadI16(addr, off, m.heapArray(), m) & 0xFFFF;
    }

    static int loadI8(int addr, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            return m.loadI8(ea(addr, off));
        }
        try {
            int i = index(addr, off);
            return b[i];
        } catch (IndexOutOfBoundsException e) {
            return m.loadI8(ea(addr, off));
        }
    }

    static int loadI8(int addr, int off, Memory m) {
        return loadI8(addr, off, m.heapArray(), m);
    }

    static int loadU8(int addr, int off, byte[] b, Memory m) {
        return loadI8(addr, off, b, m) & 0xFF;
    }

    static int loadU8(int addr, int off, Memory m) {
        return loadI8(addr, off, m.heapArray(), m) & 0xFF;
    }

    static void storeI32(int addr, int v, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            m.storeI32(ea(addr, off), v);
            return;
        }
        try {
            int i = index(addr, off);
            INT.set(b, i, v);
        } catch (IndexOutOfBoundsException e) {
            m.storeI32(ea(addr, off), v);
        }
    }

    static void storeI32(int addr, int v, int off, Memory m) {
        storeI32(addr, v, off, m.heapArray(), m);
    }

    static void storeI64(int addr, long v, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            m.storeI64(ea(addr, off), v);
            return;
        }
        try {
            int i = index(addr, off);
            LONG.set(b, i, v);
        } catch (IndexOutOfBoundsException e) {
            m.storeI64(ea(addr, off), v);
        }
    }

    static void storeI64(int addr, long v, int off, Memory m) {
        storeI64(addr, v, off, m.heapArray(), m);
    }

    static void storeI16(int addr, int v, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            m.storeI16(ea(addr, off), v);
            return;
        }
        try {
            int i = index(addr, off);
            SHORT.set(b, i, (short) v);
        } catch (IndexOutOfBoundsException e) {
            m.storeI16(ea(addr, off), v);
        }
    }

    static void storeI16(int addr, int v, int off, Memory m) {
        storeI16(addr, v, off, m.heapArray(), m);
    }

    static void storeI8(int addr, int v, int off, byte[] b, Memory m) {
        if (b.length == 0) {
            m.storeI8(ea(addr, off), v);
            return;
        }
        try {
            int i = index(addr, off);
            b[i] = (byte) v;
        } catch (IndexOutOfBoundsException e) {
            m.storeI8(ea(addr, off), v);
        }
    }

    static void storeI8(int addr, int v, int off, Memory m) {
        storeI8(addr, v, off, m.heapArray(), m);
    }
}
