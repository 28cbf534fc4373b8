package dev.jawa.module;

import dev.jawa.binary.InstructionReader;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A sequence of instructions in their canonical binary encoding, ending with {@code end}: a
 * function body's code or a constant expression.
 *
 * <p>Why bytes: the binary form is the most compact representation there is (one to a few bytes
 * per instruction, immediates inline) and needs no object per instruction, so a 50 MB module stays
 * about 50 MB in memory. Every consumer walks it with {@link InstructionReader}; the tiers derive
 * their own executable forms from it. The encoding is canonical (minimal LEB128), so two equal
 * instruction sequences have equal bytes and {@link #equals} is a byte comparison.
 */
public final class Expr {

    private final byte[] code;
    private final int hash;

    private Expr(byte[] code) {
        this.code = code;
        this.hash = Arrays.hashCode(code);
    }

    /**
     * Wraps canonical code bytes (which the caller hands over and must not modify afterwards).
     * Producers are the decoder and the text parser, which both emit canonical code through
     * {@link InstructionWriter}.
     */
    public static Expr ofCanonical(byte[] code) {
        return new Expr(code);
    }

    /** A reader positioned at the first instruction. */
    public InstructionReader reader() {
        return new InstructionReader(code, 0, code.length, 0);
    }

    /** The code length in bytes. */
    public int length() {
        return code.length;
    }

    /** The byte at {@code index}. */
    public byte byteAt(int index) {
        return code[index];
    }

    /** A copy of the code bytes. */
    public byte[] toByteArray() {
        return code.clone();
    }

    /** Copies the code bytes into {@code dest} at {@code offset}. */
    public void copyTo(byte[] dest, int offset) {
        System.arraycopy(code, 0, dest, offset, code.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr other && other.hash == hash && Arrays.equals(other.code, code);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Expr[" + HexFormat.of().formatHex(code, 0, Math.min(code.length, 32))
                + (code.length > 32 ? "..." : "") + "]";
    }
}
