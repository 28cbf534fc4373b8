package dev.jawa.cli;

import dev.jawa.Tier;
import dev.jawa.interp.Interpreter;
import dev.jawa.text.wast.CheckTally;
import dev.jawa.text.wast.CheckKind;
import dev.jawa.text.wast.KnownFailuresWriter;
import dev.jawa.text.wast.WastExecRunner;
import dev.jawa.text.wast.WastRunner;
import dev.jawa.text.wast.WastRunnerFileResult;
import dev.jawa.text.wast.WastRunnerKnownFailures;
import dev.jawa.text.wast.WastRunnerReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jawa wast}: runs spec-test scripts: executes their commands on the interpreter, or with
 * --static their static checks (formats and validation), or with --formats-only their formats
 * checks alone.
 */
@Command(name = "wast",
        description = {"Runs .wast scripts (the spec testsuite's format). By default every command is executed",
                "on the interpreter: modules are instantiated, actions invoked, and assertions about results,",
                "traps, exhaustion, linking and instantiation checked (assert_malformed and assert_invalid",
                "are the static checks' business). Instead of executing:",
                "  --static        the checks that need no execution: every module in the scripts is",
                "                  checked against the binary and text formats (round trips; malformed",
                "                  modules must be rejected) and validated (modules used as valid must",
                "                  pass, assert_invalid modules must be rejected as invalid);",
                "  --formats-only  the formats checks alone, without validation.",
                "With --static or --formats-only, commands that need execution are counted as not run.",
                "A directory stands for the .wast files directly in it (not in its subdirectories).",
                "Prints FILE: N passed, M failed per file and, last, N passed, M failed in total.",
                "Exits 0 when the failures are exactly the known ones (none without --known-failures)."},
        mixinStandardHelpOptions = true)
final class WastScriptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Scripts, or directories of scripts.")
    List<Path> paths;

    @Option(names = "--static", description = "Check formats and validation instead of executing.")
    boolean staticChecks;

    @Option(names = "--formats-only", description = "Check the modules' formats only, instead of executing.")
    boolean formatsOnly;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "interp",
            description = "The execution tier: interp, jit (every function compiled; failures counted as exec-jit) or auto.")
    String tier;

    @Option(names = "--write-known-failures", paramLabel = "FILE",
            description = "Write this run's failures to FILE in the known-failures format (to regenerate the list).")
    Path writeKnownFailures;

    @Option(names = "--known-failures", paramLabel = "FILE",
            description = "Checks known to fail (lines 'path.wast:LINE check', paths relative to --root).")
    Path knownFailuresFile;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Name scripts by their path relative to DIR (default: the current directory).")
    Path root;

    @Option(names = {"-q", "--quiet"}, description = "Do not list each failure, only the counts.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (staticChecks && formatsOnly) {
            err.println("jawa wast: give --static or --formats-only, not both");
            return ExitStatus.USAGE;
        }
        Tier chosen;
        try {
            chosen = Tier.parse(tier);
        } catch (IllegalArgumentException e) {
            err.println("jawa wast: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        WastRunnerKnownFailures known = WastRunnerKnownFailures.NONE;
        if (knownFailuresFile != null) {
            try {
                known = WastRunnerKnownFailures.load(knownFailuresFile).restrictedTo(
                        staticChecks ? CheckKind.STATIC : formatsOnly ? CheckKind.FORMATS
                                : chosen == Tier.JIT ? CheckKind.EXECUTED_JIT : CheckKind.EXECUTED);
            } catch (FileSystemException e) {
                err.println(FileConversionCommand.describe(e));
                return ExitStatus.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
        }
        int status = ExitStatus.OK;
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = WastRunner.wastFiles(p);
                if (found.isEmpty()) {
                    err.println(p + ": no .wast files");
                    status = ExitStatus.BAD_INPUT;
                }
                files.addAll(found);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(p + ": no such file or directory");
                status = ExitStatus.BAD_INPUT;
            }
        }

        Path base = (root != null ? root : Path.of("")).toAbsolutePath().normalize();
        WastRunner runner = staticChecks ? WastRunner.staticChecks() : WastRunner.formatsOnly();
        WastExecRunner execRunner = chosen == Tier.JIT
                ? new WastExecRunner(chosen.create(Interpreter.DEFAULT_MAX_DEPTH), CheckKind.EXECUTION_JIT)
                : new WastExecRunner(chosen.create(Interpreter.DEFAULT_MAX_DEPTH));
        List<WastRunnerFileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = displayName(base, file);
            results.add(staticChecks || formatsOnly ? runner.runFile(file, name) : execRunner.runFile(file, name));
        }
        WastRunnerReport.write(results, known, !quiet, out::println);
        CheckTally total = WastRunnerReport.total(results);
        if (writeKnownFailures != null) {
            Files.writeString(writeKnownFailures, KnownFailuresWriter.format(total.failures()));
            err.println("wrote " + total.failures().size() + " failures to " + writeKnownFailures);
        }
        if (!known.compare(total.failures()).exact()) {
            status = Math.max(status, ExitStatus.BAD_INPUT);
        }
        return status;
    }

    /** The path relative to {@code base} with '/' separators if it is under base, else as given. */
    static String displayName(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : file.normalize();
        return shown.toString().replace('\\', '/');
    }
}
