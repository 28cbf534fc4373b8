package dev.jawa.types;

/** Packed storage types, for struct fields and array elements only. */
public enum PackedType implements StorageType {
    I8(0x78, "i8", 1),
    I16(0x77, "i16", 2);

    private final int code;
    private final String text;
    private final int byteSize;

    PackedType(int code, String text, int byteSize) {
        this.code = code;
        this.text = text;
        this.byteSize = byteSize;
    }

    /** The one-byte binary encoding. */
    public int code() {
        return code;
    }

    /** The number of bytes one value occupies. */
    public int byteSize() {
        return byteSize;
    }

    @Override
    public String text() {
        return text;
    }
}
