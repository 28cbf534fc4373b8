package dev.jawa.cli;

import dev.jawa.WasmException;
import dev.jawa.module.Module;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code wat2wasm} and {@code wasm2wat} share: one input and {@code -o OUT}, or many inputs
 * and {@code -d OUTDIR} (so a whole corpus goes through one JVM). A bad input is reported as
 * {@code FILE: message} and the others are still converted; nothing is written for a bad input.
 *
 * <p>Like wabt's tools, both validate the module unless {@code --no-check} is given: an invalid
 * module is bad input too.
 */
abstract class FileConversionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Input files.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The output file (one input only).")
    Path output;

    @Option(names = {"-d", "--output-dir"}, paramLabel = "OUTDIR",
            description = "Write each output to OUTDIR, named after its input with the new extension.")
    Path outputDir;

    @Option(names = "--no-check", description = "Do not validate: translate well-formed modules even if invalid.")
    boolean noCheck;

    /** The extension of output files in {@code -d} mode, with its dot. */
    abstract String outputExtension();

    /** Whether, without -o or -d, one input's output goes to stdout (else that is a usage error). */
    abstract boolean canWriteToStdout();

    /** Converts one input's bytes to the output's bytes, validating unless {@link #noCheck}. */
    abstract byte[] convert(byte[] input);

    /**
     * Validates {@code module} unless {@code --no-check} was given.
     *
     * @throws dev.jawa.InvalidModuleException if it is invalid
     */
    final Module checked(Module module) {
        if (!noCheck) {
            Validator.validate(module);
        }
        return module;
    }

    @Override
    public final Integer call() throws IOException {
        Map<Path, Path> outputs = plan();
        if (outputDir != null) {
            Files.createDirectories(outputDir);
        }
        PrintWriter err = spec.commandLine().getErr();
        int status = ExitStatus.OK;
        for (Path in : inputs) {
            try {
                byte[] result = convert(Files.readAllBytes(in));
                Path out = outputs.get(in);
                if (out == null) {
                    // Only text goes to standard output (wasm2wat).
                    PrintWriter stdout = spec.commandLine().getOut();
                    stdout.print(new String(result, StandardCharsets.UTF_8));
                    stdout.flush();
                } else {
                    Files.write(out, result);
                }
            } catch (WasmException e) {
                err.println(in + ": " + e.getMessage());
                status = Math.max(status, ExitStatus.BAD_INPUT);
            } catch (FileSystemException e) {
                err.println(describe(e));
                status = Math.max(status, ExitStatus.BAD_INPUT);
            }
        }
        return status;
    }

    /** Each input's output file (null: stdout), after checking that the options make sense. */
    private Map<Path, Path> plan() {
        if (output != null && outputDir != null) {
            throw usage("give -o or -d, not both");
        }
        if (output != null && inputs.size() > 1) {
            throw usage("-o takes one input; use -d OUTDIR for several");
        }
        if (output == null && outputDir == null && (inputs.size() > 1 || !canWriteToStdout())) {
            throw usage(inputs.size() > 1 ? "several inputs need -d OUTDIR" : "give -o OUT or -d OUTDIR");
        }
        Map<Path, Path> outputs = new HashMap<>();
        Map<Path, Path> inputOf = new HashMap<>();
        for (Path in : inputs) {
            Path out = output != null ? output : outputDir != null ? outputDir.resolve(outputName(in)) : null;
            if (out != null) {
                Path clash = inputOf.putIfAbsent(out.toAbsolutePath().normalize(), in);
                if (clash != null) {
                    throw usage(clash + " and " + in + " would both write " + out);
                }
            }
            outputs.put(in, out);
        }
        return outputs;
    }

    /** The input's file name with its extension replaced: {@code a/b.wat} becomes {@code b.wasm}. */
    private String outputName(Path in) {
        String name = in.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + outputExtension();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code FILE: reason} for a file that cannot be read or written. */
    static String describe(FileSystemException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        }
        return e.getFile() + ": " + reason;
    }
}
