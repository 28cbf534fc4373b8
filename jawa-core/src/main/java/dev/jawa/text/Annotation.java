package dev.jawa.text;

/**
 * An annotation a parser gives meaning to, e.g. {@code (@custom "name" "bytes")}.
 *
 * @param name the annotation id, e.g. {@code custom}
 * @param offset the source offset of its {@code (@}
 * @param first the index of its first content token in {@link TokenStream#annotationTokens()}
 * @param end the index after its last content token (its closing parenthesis is not stored)
 * @param anchor the index, in the main token stream, of the token that follows the annotation:
 *     where it stands among the tokens the parser sees
 */
public record Annotation(String name, int offset, int first, int end, int anchor) {
}
