package dev.jawa.types;

/** The four numeric value types. */
public enum NumType implements ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64");

    private final int code;
    private final String text;

    NumType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The one-byte binary encoding. */
    public int code() {
        return code;
    }

    @Override
    public String text() {
        return text;
    }
}
