package dev.jawa.cli;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Module;
import dev.jawa.text.TextParser;
import java.nio.file.Path;

/** Reads a module file in either format, for the commands that take both. */
final class ModuleFiles {

    /** The binary format's magic number, {@code \0asm}. */
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private ModuleFiles() {
    }

    /**
     * The module in {@code bytes}, read from {@code file}: a {@code .wasm} file is decoded as
     * binary, a {@code .wat} file parsed as text, and any other file by its content (binary if it
     * starts with the magic number {@code \0asm}, else text).
     *
     * @throws dev.jawa.MalformedModuleException if binary input is malformed
     * @throws dev.jawa.MalformedTextException if text input is malformed (malformed UTF-8 included)
     */
    static Module read(Path file, byte[] bytes) {
        return isBinary(file, bytes)
                ? BinaryDecoder.decode(bytes)
                : TextParser.parseModule(InputText.decodeUtf8(bytes));
    }

    /** Whether {@link #read} takes the file as binary. */
    static boolean isBinary(Path file, byte[] bytes) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString();
        if (s.endsWith(".wasm")) {
            return true;
        }
        if (s.endsWith(".wat")) {
            return false;
        }
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
