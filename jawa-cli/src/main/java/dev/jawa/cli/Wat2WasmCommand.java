package dev.jawa.cli;

import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.Module;
import dev.jawa.text.TextParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jawa wat2wasm}: text format to binary format. */
@Command(name = "wat2wasm",
        description = {"Translates modules from the text format to the binary format:",
                "one input with -o OUT.wasm, or several with -d OUTDIR (writing OUTDIR/NAME.wasm).",
                "Like wabt's wat2wasm, no name section is written unless --debug-names is given, and",
                "invalid modules are rejected unless --no-check is given."},
        mixinStandardHelpOptions = true)
final class Wat2WasmCommand extends FileConversionCommand {

    @Option(names = "--debug-names", description = "Write the name section (the text's $names).")
    boolean debugNames;

    @Override
    String outputExtension() {
        return ".wasm";
    }

    @Override
    boolean canWriteToStdout() {
        return false;
    }

    @Override
    byte[] convert(byte[] input) {
        Module module = checked(TextParser.parseModule(InputText.decodeUtf8(input)));
        return BinaryEncoder.encode(debugNames ? module : module.withoutNames());
    }
}
