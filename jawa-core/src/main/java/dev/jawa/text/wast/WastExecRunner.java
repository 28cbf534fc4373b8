package dev.jawa.text.wast;

import dev.jawa.MalformedTextException;
import dev.jawa.runtime.ExecutionTier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs .wast scripts in <em>execution</em> mode: each script's commands run on an execution tier
 * (see {@link WastExecutor}), one {@link CheckKind#EXECUTION} check per command. The formats and
 * validation checks of the same scripts are {@link WastRunner}'s.
 */
public final class WastExecRunner {

    private final ExecutionTier tier;
    private final CheckKind kind;

    public WastExecRunner(ExecutionTier tier) {
        this(tier, CheckKind.EXECUTION);
    }

    /**
     * A runner reporting its execution checks as {@code kind} ({@link CheckKind#EXECUTION}, or
     * {@link CheckKind#EXECUTION_JIT} for the compiler tier).
     */
    public WastExecRunner(ExecutionTier tier, CheckKind kind) {
        this.tier = tier;
        this.kind = kind;
    }

    /**
     * Reads and runs the script at {@code path}, named {@code name} in reports. A script that
     * cannot be read or parsed is one failed {@link CheckKind#SCRIPT} check.
     */
    public WastRunnerFileResult runFile(Path path, String name) {
        String source;
        try {
            source = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return scriptFailure(name, 0, "read", e.toString());
        }
        WastScript script;
        try {
            script = WastParser.parse(source, name);
        } catch (MalformedTextException e) {
            return scriptFailure(name, e.line(), "parse", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return scriptFailure(name, 0, "parse", FormatsChecks.describe(e));
        }
        WastRunnerFileResult result = WastExecutor.run(script, name, tier);
        return kind == CheckKind.EXECUTION ? result : relabeled(result);
    }

    /** The result with its execution failures reported as {@link #kind}. */
    private WastRunnerFileResult relabeled(WastRunnerFileResult result) {
        CheckTally from = result.tally();
        CheckTally to = new CheckTally();
        for (int i = 0; i < from.passed(); i++) {
            to.pass();
        }
        for (int i = 0; i < from.notRun(); i++) {
            to.countNotRun();
        }
        for (CheckFailure f : from.failures()) {
            to.fail(f.check() == CheckKind.EXECUTION
                    ? new CheckFailure(f.file(), f.line(), kind, f.stage(), f.message()) : f);
        }
        return new WastRunnerFileResult(result.file(), to);
    }

    private static WastRunnerFileResult scriptFailure(String name, int line, String stage, String message) {
        CheckTally tally = new CheckTally();
        tally.fail(new CheckFailure(name, line, CheckKind.SCRIPT, stage, message));
        return new WastRunnerFileResult(name, tally);
    }
}
