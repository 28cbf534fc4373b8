package dev.jawa.module;

/** An export: its name, and the kind and index of what it exports. */
public record Export(String name, ExternKind kind, int index) {

    public Export {
        if (name == null || kind == null) {
            throw new IllegalArgumentException("name and kind are required");
        }
    }
}
