package dev.jawa.module;

/** The kinds of things a module imports and exports, with their binary codes. */
public enum ExternKind {
    FUNC(0, "func"),
    TABLE(1, "table"),
    MEMORY(2, "memory"),
    GLOBAL(3, "global"),
    TAG(4, "tag");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The one-byte binary encoding. */
    public int code() {
        return code;
    }

    /** The text-format keyword. */
    public String text() {
        return text;
    }

    /** The kind with this binary code, or null. */
    public static ExternKind fromCode(int code) {
        return code >= 0 && code < 5 ? values()[code] : null;
    }
}
