package dev.jawa.cli;

import dev.jawa.WasmException;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jawa validate}: reads and validates modules, printing one line per file, {@code FILE: ok}
 * or {@code FILE: } and why not, so a whole corpus goes through one JVM.
 */
@Command(name = "validate",
        description = {"Validates modules in the binary or text format (.wasm is binary, .wat is text,",
                "anything else is binary if it starts with \\0asm): prints FILE: ok, or FILE: and the",
                "error (malformed or invalid), one line per file. Exits 0 only when every file is valid."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Module files (.wasm or .wat).")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int status = ExitStatus.OK;
        for (Path in : inputs) {
            String verdict;
            try {
                Validator.validate(ModuleFiles.read(in, Files.readAllBytes(in)));
                verdict = in + ": ok";
            } catch (WasmException e) {
                verdict = in + ": " + e.getMessage();
                status = ExitStatus.BAD_INPUT;
            } catch (FileSystemException e) {
                verdict = FileConversionCommand.describe(e);
                status = ExitStatus.BAD_INPUT;
            } catch (IOException e) {
                // Not a file system problem with a name, e.g. reading a directory.
                verdict = in + ": " + e.getMessage();
                status = ExitStatus.BAD_INPUT;
            }
            out.println(verdict);
        }
        out.flush();
        return status;
    }
}
