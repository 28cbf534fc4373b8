package dev.jawa.module;

/**
 * A catch clause of {@code try_table}: which exceptions it catches and the label it branches to.
 * {@code tag} is meaningful for {@link Kind#CATCH} and {@link Kind#CATCH_REF} only.
 */
public record Catch(Kind kind, int tag, int label) {

    /** The four clause forms, with their binary codes. */
    public enum Kind {
        CATCH("catch"),
        CATCH_REF("catch_ref"),
        CATCH_ALL("catch_all"),
        CATCH_ALL_REF("catch_all_ref");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The text-format keyword. */
        public String text() {
            return text;
        }

        /** Whether the clause names a tag. */
        public boolean hasTag() {
            return this == CATCH || this == CATCH_REF;
        }
    }
}
