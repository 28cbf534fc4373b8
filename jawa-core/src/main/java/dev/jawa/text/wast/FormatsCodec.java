package dev.jawa.text.wast;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.Module;
import dev.jawa.text.TextParser;
import dev.jawa.text.TextPrinter;

/**
 * The four format operations the formats checks exercise. {@link #JAWA} is the real engine; the
 * seam exists so the runner's dispatch and tally logic can be tested with fakes.
 */
public interface FormatsCodec {

    /** Parses the module text in {@code source[start, end)} (see {@link TextParser}). */
    Module parseText(String source, int start, int end);

    /** Decodes a binary module (see {@link BinaryDecoder}). */
    Module decode(byte[] bytes);

    /** Encodes a module (see {@link BinaryEncoder}). */
    byte[] encode(Module module);

    /** Prints a module as text (see {@link TextPrinter}). */
    String print(Module module);

    /** Jawa's own parser, printer, decoder and encoder. */
    FormatsCodec JAWA = new FormatsCodec() {
        @Override
        public Module parseText(String source, int start, int end) {
            return TextParser.parseModule(source, start, end);
        }

        @Override
        public Module decode(byte[] bytes) {
            return BinaryDecoder.decode(bytes);
        }

        @Override
        public byte[] encode(Module module) {
            return BinaryEncoder.encode(module);
        }

        @Override
        public String print(Module module) {
            return TextPrinter.print(module);
        }
    };
}
