package dev.jawa.types;

/**
 * The abstract heap types of WebAssembly 3.0, with their binary encodings (the negative
 * one-byte s33 values, stored here as their unsigned byte).
 */
public enum AbsHeapType implements HeapType {
    NOEXN(0x74, "noexn"),
    NOFUNC(0x73, "nofunc"),
    NOEXTERN(0x72, "noextern"),
    NONE(0x71, "none"),
    FUNC(0x70, "func"),
    EXTERN(0x6F, "extern"),
    ANY(0x6E, "any"),
    EQ(0x6D, "eq"),
    I31(0x6C, "i31"),
    STRUCT(0x6B, "struct"),
    ARRAY(0x6A, "array"),
    EXN(0x69, "exn");

    private static final AbsHeapType[] BY_CODE = new AbsHeapType[128];

    static {
        for (AbsHeapType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String text;

    AbsHeapType(int code, String text) {
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

    /** The abstract heap type with this one-byte encoding, or null if there is none. */
    public static AbsHeapType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The abstract heap type spelled by this keyword, or null. */
    public static AbsHeapType fromText(String keyword) {
        for (AbsHeapType t : values()) {
            if (t.text.equals(keyword)) {
                return t;
            }
        }
        return null;
    }
}
