package dev.jawa.text.wast;

/** Says where two byte arrays first differ, for failure messages. */
public final class FormatsBytesDifference {

    private FormatsBytesDifference() {
    }

    /**
     * Null if {@code a} and {@code b} are equal, else the first differing offset with both bytes
     * and both lengths.
     */
    public static String describe(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return String.format("at byte 0x%x: %02x vs %02x (%d vs %d bytes)", i, a[i] & 0xFF, b[i] & 0xFF,
                        a.length, b.length);
            }
        }
        if (a.length == b.length) {
            return null;
        }
        return String.format("one is a prefix of the other (%d vs %d bytes)", a.length, b.length);
    }
}
