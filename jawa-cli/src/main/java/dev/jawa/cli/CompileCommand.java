package dev.jawa.cli;

import dev.jawa.WasmException;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.jit.AotArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jawa compile IN -o OUT.jar}: compiles a module ahead of time. */
@Command(name = "compile",
        description = {"Compiles a module (binary or text) ahead of time into a jar holding its JVM classes and the",
                "module itself; 'jawa run OUT.jar' and Engine.load run it without compiling again",
                "(an archive made by another build of Jawa still runs, compiled when needed)."},
        mixinStandardHelpOptions = true)
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The module (.wasm or .wat).")
    Path in;

    @Option(names = "-o", paramLabel = "OUT", required = true, description = "The archive to write (.jar).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in);
        } catch (FileSystemException e) {
            err.println(FileConversionCommand.describe(e));
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println(in + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
        try {
            byte[] wasm = ModuleFiles.isBinary(in, bytes) ? bytes : BinaryEncoder.encode(ModuleFiles.read(in, bytes));
            AotArchive.write(wasm, out);
            return ExitStatus.OK;
        } catch (WasmException e) {
            err.println(in + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        } catch (FileSystemException e) {
            err.println(FileConversionCommand.describe(e));
            return ExitStatus.BAD_INPUT;
        } catch (IOException e) {
            err.println(out + ": " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }
}
