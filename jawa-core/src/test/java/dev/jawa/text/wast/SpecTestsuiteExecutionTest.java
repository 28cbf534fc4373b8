package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jawa.interp.Interpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Executes the spec testsuite's scripts on the interpreter (see {@link WastExecutor}): every
 * module instantiates, every action runs, every assertion about results, traps, exhaustion,
 * linking and instantiation holds. Prints {@code FILE: N passed, M failed} per file and the
 * total last.
 *
 * <p>The scope is that of {@link SpecTestsuiteTest}. The test passes when the failures are
 * exactly the {@code exec} (and {@code script}) entries of the one known-failures file (system
 * property {@code jawa.knownFailures}, by default {@code known-failures.txt} at the repository
 * root); {@code ./jawa wast --write-known-failures FILE DIRS...} writes a run's failures in its
 * format.
 */
class SpecTestsuiteExecutionTest {

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
        WastRunnerKnownFailures known = WastRunnerKnownFailures.load(knownFile).restrictedTo(CheckKind.EXECUTED);

        List<Path> files = SpecTestsuiteTest.filesInScope(root);
        assertFalse(files.isEmpty(), "no .wast files in " + root.toAbsolutePath().normalize());
        WastExecRunner runner = new WastExecRunner(new Interpreter());
        List<WastRunnerFileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            results.add(runner.runFile(file, name));
        }
        System.out.println("Spec testsuite, executed on the interpreter: " + files.size() + " files");
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
