package dev.jawa.module;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data segment: bytes for a memory, copied at instantiation (active) or kept for
 * {@code memory.init} (passive).
 *
 * @param memory for active segments, the memory index (0 otherwise)
 * @param offset for active segments, the offset expression (null otherwise)
 */
public record DataSegment(SegmentMode mode, int memory, Expr offset, byte[] bytes) {

    public DataSegment {
        if (mode == SegmentMode.DECLARATIVE || mode == null) {
            throw new IllegalArgumentException("data segments are active or passive");
        }
        if ((mode == SegmentMode.ACTIVE) != (offset != null)) {
            throw new IllegalArgumentException("an offset is given exactly for active segments");
        }
        bytes = bytes.clone();
    }

    /** A copy of the segment's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** Copies the segment's bytes into {@code dest}. */
    public void copyTo(int from, byte[] dest, int destOffset, int length) {
        System.arraycopy(bytes, from, dest, destOffset, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSegment d && d.mode == mode && d.memory == memory
                && Objects.equals(d.offset, offset) && Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, memory, offset) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DataSegment[" + mode + ", memory=" + memory + ", offset=" + offset + ", " + bytes.length + " bytes]";
    }
}
