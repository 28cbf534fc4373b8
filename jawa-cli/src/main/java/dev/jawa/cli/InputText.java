package dev.jawa.cli;

import dev.jawa.MalformedTextException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes text input strictly: the text format is UTF-8, and malformed UTF-8 is bad input. */
final class InputText {

    private InputText() {
    }

    /**
     * The bytes as a string.
     *
     * @throws MalformedTextException "malformed UTF-8 encoding" at the line and column of the first
     *     bad byte
     */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw malformedAt(bytes, in.position());
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw malformedAt(bytes, in.position());
        }
        return out.flip().toString();
    }

    private static MalformedTextException malformedAt(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The column counts characters, and every byte before the bad one on its line is valid UTF-8.
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = 1 + before.codePointCount(0, before.length());
        return new MalformedTextException("malformed UTF-8 encoding", line, column);
    }
}
