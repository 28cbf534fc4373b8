package dev.jawa.runtime;

/**
 * A host reference made by a script ({@code ref.extern n}) or the spectest host: an opaque value
 * identified by its number. Equal numbers are equal references.
 */
public record ExternRef(long n) {
}
