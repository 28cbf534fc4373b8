package dev.jawa.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a piece of source text, in parallel arrays (kind, start and end offset, and one
 * int value per token): no object per token, so a multi-megabyte script lexes into a few arrays.
 *
 * <p>The value of a {@link TokenKind#LPAREN} is the index of its matching {@code )} (-1 if it
 * has none); of a {@link TokenKind#KEYWORD} its {@link Keyword} id; of an {@link TokenKind#ID} 1
 * if it is quoted. Offsets are into the whole source string, so positions stay right for a module
 * inside a script.
 *
 * <p>Annotations are not in the token sequence, since the text format treats them as white space.
 * The ones a parser gives meaning to ({@code @custom}, {@code @name},
 * {@code @metadata.code.branch_hint}) are kept as {@link Annotation}s with their own tokens.
 */
public final class TokenStream {

    private final String source;
    private int count;
    private byte[] kinds;
    private int[] starts;
    private int[] ends;
    private int[] values;
    private String errorMessage;
    private TokenStream annotationTokens;
    private final List<Annotation> annotations = new ArrayList<>();
    private int[] lineStarts;

    TokenStream(String source, int capacity) {
        this.source = source;
        int c = Math.max(16, capacity);
        kinds = new byte[c];
        starts = new int[c];
        ends = new int[c];
        values = new int[c];
    }

    /** The whole source text (tokens may cover only part of it). */
    public String source() {
        return source;
    }

    /** The number of tokens, including the final EOF or ERROR. */
    public int count() {
        return count;
    }

    public byte kind(int i) {
        return kinds[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public int value(int i) {
        return values[i];
    }

    /** The token's text. */
    public String text(int i) {
        return source.substring(starts[i], ends[i]);
    }

    /** The message of the final ERROR token, or null if lexing succeeded. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The annotations that parsers give meaning to, in source order. */
    public List<Annotation> annotations() {
        return annotations;
    }

    /** The tokens of the annotations' contents (null if there are none). */
    public TokenStream annotationTokens() {
        return annotationTokens;
    }

    void setAnnotationTokens(TokenStream t) {
        annotationTokens = t;
    }

    int add(byte kind, int start, int end, int value) {
        if (count == kinds.length) {
            int c = count * 2;
            kinds = Arrays.copyOf(kinds, c);
            starts = Arrays.copyOf(starts, c);
            ends = Arrays.copyOf(ends, c);
            values = Arrays.copyOf(values, c);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        values[count] = value;
        return count++;
    }

    void setValue(int i, int value) {
        values[i] = value;
    }

    void truncate(int newCount) {
        count = newCount;
    }

    void addError(String message, int offset) {
        errorMessage = message;
        add(TokenKind.ERROR, offset, offset, 0);
    }

    /** The 1-based line of source offset {@code offset}. */
    public int line(int offset) {
        int[] ls = lineStarts();
        int i = Arrays.binarySearch(ls, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based column of source offset {@code offset} (in UTF-16 units). */
    public int column(int offset) {
        int[] ls = lineStarts();
        int i = Arrays.binarySearch(ls, offset);
        int line = i >= 0 ? i : -i - 2;
        return offset - ls[line] + 1;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    n++;
                }
            }
            int[] ls = new int[n];
            int k = 1;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    ls[k++] = i + 1;
                }
            }
            lineStarts = ls;
        }
        return lineStarts;
    }
}
