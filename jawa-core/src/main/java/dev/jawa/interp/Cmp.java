package dev.jawa.interp;

/**
 * Integer comparisons as branch-free arithmetic, giving 1 or 0. A comparison written with
 * {@code ?:} is a branch in the dispatch loop, and HotSpot prunes the side its profile has not
 * seen yet; the first time the program takes that side, the whole loop is deoptimized and
 * recompiled, which for a method this large costs much. Arithmetic has no side to prune.
 */
final class Cmp {

    private Cmp() {
    }

    /** 1 if {@code x == 0}. */
    static int eqz(int x) {
        return (int) ((((long) x & 0xFFFF_FFFFL) - 1) >>> 63);
    }

    /** 1 if {@code x == 0}. */
    static int eqz(long x) {
        return (int) ((~x & (x - 1)) >>> 63);
    }

    /** 1 if {@code a < b} (signed). */
    static int lt(int a, int b) {
        return (int) (((long) a - (long) b) >>> 63);
    }

    /** 1 if {@code a < b} (unsigned). */
    static int ltU(int a, int b) {
        return (int) (((a & 0xFFFF_FFFFL) - (b & 0xFFFF_FFFFL)) >>> 63);
    }

    /** 1 if {@code a < b} (signed), from the sign of the difference corrected for overflow. */
    static int lt(long a, long b) {
        return (int) (((a & ~b) | (~(a ^ b) & (a - b))) >>> 63);
    }

    /** 1 if {@code a < b} (unsigned): the borrow out of {@code a - b}. */
    static int ltU(long a, long b) {
        return (int) (((~a & b) | (~(a ^ b) & (a - b))) >>> 63);
    }
}
