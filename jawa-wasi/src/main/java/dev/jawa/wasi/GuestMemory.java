package dev.jawa.wasi;

import dev.jawa.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The guest's linear memory as WASI sees it: 32-bit unsigned pointers, little-endian values,
 * UTF-8 strings and iovec arrays. An access out of bounds traps in {@link Memory}; the host
 * functions turn that into FAULT.
 */
final class GuestMemory {

    private Memory memory;

    void attach(Memory memory) {
        this.memory = memory;
    }

    Memory memory() {
        if (memory == null) {
            // The guest called WASI before Wasi.attach gave us its memory (e.g. from a start function).
            throw new WasiError(Errno.FAULT);
        }
        return memory;
    }

    /** A pointer argument: an i32 read as unsigned. */
    static long ptr(long arg) {
        return arg & 0xFFFF_FFFFL;
    }

    int i32(long ptr) {
        return memory().loadI32(ptr);
    }

    long i64(long ptr) {
        return memory().loadI64(ptr);
    }

    int u8(long ptr) {
        return memory().loadU8(ptr);
    }

    int u16(long ptr) {
        return memory().loadU16(ptr);
    }

    void putI8(long ptr, int v) {
        memory().storeI8(ptr, v);
    }

    void putI16(long ptr, int v) {
        memory().storeI16(ptr, v);
    }

    void putI32(long ptr, int v) {
        memory().storeI32(ptr, v);
    }

    void putI64(long ptr, long v) {
        memory().storeI64(ptr, v);
    }

    byte[] read(long ptr, long len) {
        if (len > Integer.MAX_VALUE) {
            throw new WasiError(Errno.FAULT);
        }
        return memory().read(ptr, (int) len);
    }

    void write(long ptr, byte[] data, int offset, int len) {
        memory().write(ptr, data, offset, len);
    }

    void write(long ptr, byte[] data) {
        memory().write(ptr, data, 0, data.length);
    }

    /** A string argument: {@code len} bytes of UTF-8 (INVAL if they are not valid UTF-8). */
    String string(long ptr, long len) {
        byte[] b = read(ptr, len);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.INVAL);
        }
    }

    /** One iovec/ciovec: a buffer's address and length. */
    record IoVec(long buf, int len) {
    }

    /** The {@code count} iovecs at {@code ptr} (8 bytes each: buf u32, len u32). */
    IoVec[] iovecs(long ptr, long count) {
        if (count > 1024 * 1024) {
            throw new WasiError(Errno.INVAL);
        }
        IoVec[] v = new IoVec[(int) count];
        long total = 0;
        for (int i = 0; i < v.length; i++) {
            long buf = ptr(i32(ptr + 8L * i));
            int len = i32(ptr + 8L * i + 4);
            long ulen = len & 0xFFFF_FFFFL;
            if (buf + ulen > memory().byteSize()) {
                throw new WasiError(Errno.FAULT);
            }
            total += ulen;
            v[i] = new IoVec(buf, len);
        }
        if (total > Integer.MAX_VALUE) {
            throw new WasiError(Errno.INVAL);
        }
        return v;
    }

    /** The bytes of {@code iovs} concatenated (what a write sends). */
    byte[] gather(IoVec[] iovs) {
        int total = 0;
        for (IoVec v : iovs) {
            total += v.len();
        }
        byte[] out = new byte[total];
        int at = 0;
        for (IoVec v : iovs) {
            memory().read(v.buf(), out, at, v.len());
            at += v.len();
        }
        return out;
    }

    /** The total capacity of {@code iovs} (what a read may fill). */
    static int capacity(IoVec[] iovs) {
        int total = 0;
        for (IoVec v : iovs) {
            total += v.len();
        }
        return total;
    }

    /** Spreads {@code n} bytes of {@code data} over {@code iovs} (what a read received). */
    void scatter(IoVec[] iovs, byte[] data, int n) {
        int at = 0;
        for (IoVec v : iovs) {
            if (at >= n) {
                break;
            }
            int k = Math.min(v.len(), n - at);
            memory().write(v.buf(), data, at, k);
            at += k;
        }
    }
}
