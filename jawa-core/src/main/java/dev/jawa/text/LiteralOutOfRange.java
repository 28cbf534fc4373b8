package dev.jawa.text;

/**
 * A numeric literal whose value does not fit its type. Internal to the literal parsers: callers
 * turn it into a {@link dev.jawa.MalformedTextException} at the literal's position.
 */
final class LiteralOutOfRange extends RuntimeException {

    LiteralOutOfRange() {
        super("constant out of range", null, false, false);
    }
}
