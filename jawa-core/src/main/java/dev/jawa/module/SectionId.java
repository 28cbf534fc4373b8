package dev.jawa.module;

/**
 * The sections of a binary module, declared in the order the spec requires them to appear
 * (which is not the order of their ids: tag and data count sit between others).
 */
public enum SectionId {
    TYPE(1, "type"),
    IMPORT(2, "import"),
    FUNCTION(3, "func"),
    TABLE(4, "table"),
    MEMORY(5, "memory"),
    TAG(13, "tag"),
    GLOBAL(6, "global"),
    EXPORT(7, "export"),
    START(8, "start"),
    ELEMENT(9, "elem"),
    DATA_COUNT(12, "datacount"),
    CODE(10, "code"),
    DATA(11, "data");

    private static final SectionId[] BY_ID = new SectionId[14];

    static {
        for (SectionId s : values()) {
            BY_ID[s.id] = s;
        }
    }

    private final int id;
    private final String text;

    SectionId(int id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The section id byte. */
    public int id() {
        return id;
    }

    /** The name used for placement in the text format's {@code (@custom ...)} annotation. */
    public String text() {
        return text;
    }

    /** The section with this id byte (not custom, 0), or null if there is none. */
    public static SectionId fromId(int id) {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
