package dev.jawa.module;

/** An import: module name, field name, and what is imported. */
public record Import(String module, String name, ImportDesc desc) {

    public Import {
        if (module == null || name == null || desc == null) {
            throw new IllegalArgumentException("module, name and desc are required");
        }
    }
}
