package dev.jawa.text.wast;

import dev.jawa.MalformedModuleException;
import dev.jawa.MalformedTextException;
import dev.jawa.WasmException;
import dev.jawa.module.Module;

/**
 * The formats checks (of both modes of {@link WastRunner}), for the modules of one script: round
 * trips through Jawa's parser, encoder, decoder and printer for well-formed modules, and rejection
 * for malformed ones. Each call makes exactly one check and records it in the tally.
 */
final class FormatsChecks {

    private final FormatsCodec codec;
    private final String file;
    private final CheckTally tally;

    FormatsChecks(FormatsCodec codec, String file, CheckTally tally) {
        this.codec = codec;
        this.file = file;
        this.tally = tally;
    }

    /**
     * Checks a module the script says is well-formed (it may still be invalid or fail to link):
     * text and quoted modules get the text round trip, binary modules the binary round trip.
     *
     * @return the module as first parsed or decoded (even if a later stage of the round trip
     *     failed), or why it could not be read
     */
    ModuleRead wellFormed(ModuleSource module) {
        return switch (module) {
            case ModuleSource.Text t -> textRoundTrip(t.source(), t.start(), t.end(), t.line());
            case ModuleSource.Quote q -> textRoundTrip(q.text(), 0, q.text().length(), q.line());
            case ModuleSource.Binary b -> binaryRoundTrip(b.bytes(), b.line());
        };
    }

    /**
     * Checks that a malformed module is rejected with {@link MalformedTextException} or
     * {@link MalformedModuleException}; whether the reason starts with {@code expected} is only
     * counted, not required.
     */
    void malformed(ModuleSource module, String expected, CheckKind kind) {
        String stage = module instanceof ModuleSource.Binary ? "decode" : "parse";
        try {
            switch (module) {
                case ModuleSource.Text t -> codec.parseText(t.source(), t.start(), t.end());
                case ModuleSource.Quote q -> codec.parseText(q.text(), 0, q.text().length());
                case ModuleSource.Binary b -> codec.decode(b.bytes());
            }
            fail(module.line(), kind, stage, "accepted a malformed module (expected \"" + expected + "\")");
        } catch (MalformedTextException e) {
            tally.rejected(e.reason().startsWith(expected));
        } catch (MalformedModuleException e) {
            tally.rejected(e.reason().startsWith(expected));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(module.line(), kind, stage, "expected a malformed-module rejection (\"" + expected
                    + "\"), got " + describe(e));
        }
    }

    /** parse, encode, decode, print, parse again, encode again: the two encodings must be equal. */
    private ModuleRead textRoundTrip(String source, int start, int end, int line) {
        String stage = "parse";
        String printed = null;
        Module parsed = null;
        try {
            parsed = codec.parseText(source, start, end);
            stage = "encode";
            byte[] first = codec.encode(parsed);
            stage = "decode";
            Module decoded = codec.decode(first);
            stage = "print";
            printed = codec.print(decoded);
            stage = "reparse";
            Module reparsed = codec.parseText(printed, 0, printed.length());
            stage = "reencode";
            byte[] second = codec.encode(reparsed);
            String difference = FormatsBytesDifference.describe(first, second);
            if (difference != null) {
                fail(line, CheckKind.TEXT_ROUND_TRIP, "compare", "the second encoding differs: " + difference);
            } else {
                tally.pass();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String where = stage.equals("reparse") && e instanceof MalformedTextException m
                    ? " in printed line " + m.line() + ": " + lineOf(printed, m.line()) : "";
            fail(line, CheckKind.TEXT_ROUND_TRIP, stage, describe(e) + where);
            if (parsed == null) {
                return ModuleRead.failed(stage, describe(e));
            }
        }
        return ModuleRead.of(parsed);
    }

    /** decode, encode, decode again: the two decoded modules must be equal. */
    private ModuleRead binaryRoundTrip(byte[] bytes, int line) {
        String stage = "decode";
        Module decoded = null;
        try {
            decoded = codec.decode(bytes);
            stage = "encode";
            byte[] encoded = codec.encode(decoded);
            stage = "redecode";
            Module again = codec.decode(encoded);
            String difference = FormatsModuleDifference.describe(decoded, again);
            if (difference != null) {
                fail(line, CheckKind.BINARY_ROUND_TRIP, "compare", "the re-decoded module differs: " + difference);
            } else {
                tally.pass();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(line, CheckKind.BINARY_ROUND_TRIP, stage, describe(e));
            if (decoded == null) {
                return ModuleRead.failed(stage, describe(e));
            }
        }
        return ModuleRead.of(decoded);
    }

    private void fail(int line, CheckKind kind, String stage, String message) {
        tally.fail(new CheckFailure(file, line, kind, stage, message));
    }

    /**
     * Jawa's own exceptions by their message; anything else (a bug) by its type, message and the
     * frame that threw it, so a report line is enough to find it.
     */
    static String describe(Throwable e) {
        if (e instanceof WasmException) {
            return e.getMessage();
        }
        String s = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 ? s + " at " + trace[0] : s;
    }

    private static String lineOf(String text, int line) {
        if (text == null || line < 1) {
            return "?";
        }
        int from = 0;
        for (int i = 1; i < line; i++) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                return "?";
            }
            from = nl + 1;
        }
        int to = text.indexOf('\n', from);
        String s = (to < 0 ? text.substring(from) : text.substring(from, to)).strip();
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
