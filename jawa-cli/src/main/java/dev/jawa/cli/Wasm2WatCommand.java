package dev.jawa.cli;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.text.TextPrinter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** {@code jawa wasm2wat}: binary format to text format. */
@Command(name = "wasm2wat",
        description = {"Translates modules from the binary format to the text format:",
                "one input to standard output or -o OUT.wat, or several with -d OUTDIR",
                "(writing OUTDIR/NAME.wat). Like wabt's wasm2wat, invalid modules are rejected unless",
                "--no-check is given."},
        mixinStandardHelpOptions = true)
final class Wasm2WatCommand extends FileConversionCommand {

    @Override
    String outputExtension() {
        return ".wat";
    }

    @Override
    boolean canWriteToStdout() {
        return true;
    }

    @Override
    byte[] convert(byte[] input) {
        String text = TextPrinter.print(checked(BinaryDecoder.decode(input)));
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
