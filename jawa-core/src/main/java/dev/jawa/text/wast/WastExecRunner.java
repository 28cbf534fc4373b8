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

    public WastExecRunner(ExecutionTier tier) {
        this.tier = tier;
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
        return WastExecutor.run(script, name, tier);
    }

    private static WastRunnerFileResult scriptFailure(String name, int line, String stage, String message) {
        CheckTally tally = new CheckTally();
        tally.fail(new CheckFailure(name, line, CheckKind.SCRIPT, stage, message));
        return new WastRunnerFileResult(name, tally);
    }
}
