package dev.jawa.module;

import java.util.Arrays;
import java.util.Objects;

/**
 * A custom section the engine keeps but does not interpret, and where it stood: after the
 * section {@code after} (null: before every known section).
 */
public record CustomSection(String name, byte[] content, SectionId after) {

    public CustomSection {
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        content = content.clone();
    }

    /** A copy of the section's bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The number of content bytes. */
    public int length() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSection c && c.name.equals(name) && c.after == after
                && Arrays.equals(c.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, after) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CustomSection[" + name + ", " + content.length + " bytes, after " + after + "]";
    }
}
