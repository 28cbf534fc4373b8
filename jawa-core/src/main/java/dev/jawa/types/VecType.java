package dev.jawa.types;

/** The vector value type of the SIMD instructions. */
public enum VecType implements ValType {
    V128;

    /** The one-byte binary encoding. */
    public int code() {
        return 0x7B;
    }

    @Override
    public String text() {
        return "v128";
    }
}
