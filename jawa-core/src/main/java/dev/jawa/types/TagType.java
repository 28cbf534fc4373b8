package dev.jawa.types;

/**
 * An exception tag's type: the index of a function type whose parameters are the exception's
 * payload (its results must be empty).
 */
public record TagType(int typeIndex) {
}
