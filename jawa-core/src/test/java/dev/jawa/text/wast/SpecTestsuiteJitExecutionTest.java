package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jawa.jit.JitTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Executes the spec testsuite's scripts on the compiler tier ({@link JitTier}, every function
 * compiled to JVM bytecode, nothing interpreted), as {@link SpecTestsuiteExecutionTest} does on the
 * interpreter. Failures are {@code exec-jit} checks; the test passes when they are exactly the
 * {@code exec-jit} entries of the known-failures file (instructions the compiler does not handle
 * yet), so that list only ever shrinks.
 */
class SpecTestsuiteJitExecutionTest {

    private static final int MAX_LISTED = 100;

    static Path knownFailuresFile() {
        String property = System.getProperty("jawa.knownFailures");
        return property != null ? Path.of(property) : Path.of("..", "known-failures.txt");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCommandExecutesAsTheScriptSays() throws IOException {
        Path root = SpecTestsuiteTest.testsuite();
        Path knownFile = knownFailuresFile();
        assertTrue(Files.isRegularFile(knownFile), "known-failures file not found: " + knownFile.toAbsolutePath());
        WastRunnerKnownFailures known = WastRunnerKnownFailures.load(knownFile).restrictedTo(CheckKind.EXECUTED_JIT);

        List<Path> files = SpecTestsuiteTest.filesInScope(root);
        assertFalse(files.isEmpty(), "no .wast files in " + root.toAbsolutePath().normalize());
        WastExecRunner runner = new WastExecRunner(new JitTier(), CheckKind.EXECUTION_JIT);
        List<WastRunnerFileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            results.add(runner.runFile(file, name));
        }
        System.out.println("Spec testsuite, executed on the compiler tier (--tier jit): " + files.size() + " files");
        WastRunnerReport.write(results, known, false, System.out::println);

        CheckTally total = WastRunnerReport.total(results);
        assertTrue(total.passed() > 0, "no check passed");
        WastRunnerKnownFailures.Comparison c = known.compare(total.failures());
        if (!c.exact()) {
            StringBuilder sb = new StringBuilder("the failures differ from " + knownFile + "\n");
            sb.append(c.unexpected().size()).append(" unexpected failures:\n");
            c.unexpected().stream().limit(MAX_LISTED).forEach(f -> sb.append("  ").append(f.describe()).append('\n'));
            sb.append(c.nowPassing().size()).append(" listed failures no longer fail:\n");
            c.nowPassing().stream().limit(MAX_LISTED).forEach(k -> sb.append("  ").append(k).append('\n'));
            fail(sb.toString());
        }
    }
}
