package dev.jawa.text;

import java.nio.charset.StandardCharsets;

/**
 * Text-format spellings of strings and identifiers: quoted string literals with escapes, and
 * {@code $id} / {@code $"quoted id"} identifiers for names.
 */
final class PrintStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Which ASCII characters may appear in a plain (unquoted) identifier. */
    private static final boolean[] ID_CHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ID_CHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ID_CHAR[c] = true;
            ID_CHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-./:<=>?@\\^_`|~".toCharArray()) {
            ID_CHAR[c] = true;
        }
    }

    private PrintStrings() {
    }

    /** Appends {@code bytes} as a string literal: printable ASCII as is, everything else {@code \hh}. */
    static void appendString(StringBuilder sb, byte[] bytes) {
        sb.ensureCapacity(sb.length() + bytes.length + 2);
        sb.append('"');
        appendEscaped(sb, bytes);
        sb.append('"');
    }

    /** Appends a name (import, export, custom section) as a string literal of its UTF-8 bytes. */
    static void appendName(StringBuilder sb, String name) {
        sb.append('"');
        appendEscapedName(sb, name);
        sb.append('"');
    }

    /**
     * The identifier spelling of {@code name}: {@code $name} when every character is an id
     * character, else the quoted form {@code $"..."}; null for a null or empty name, which has
     * no identifier (the text format rejects empty identifiers).
     */
    static String id(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (isPlainId(name)) {
            return "$" + name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 3);
        sb.append("$\"");
        appendEscapedName(sb, name);
        sb.append('"');
        return sb.toString();
    }

    private static boolean isPlainId(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !ID_CHAR[c]) {
                return false;
            }
        }
        return true;
    }

    private static void appendEscapedName(StringBuilder sb, String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 128) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = 0; i < name.length(); i++) {
                appendByte(sb, name.charAt(i));
            }
        } else {
            appendEscaped(sb, name.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void appendEscaped(StringBuilder sb, byte[] bytes) {
        for (byte b : bytes) {
            appendByte(sb, b & 0xFF);
        }
    }

    private static void appendByte(StringBuilder sb, int b) {
        if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
            sb.append((char) b);
        } else {
            sb.append('\\').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
    }
}
