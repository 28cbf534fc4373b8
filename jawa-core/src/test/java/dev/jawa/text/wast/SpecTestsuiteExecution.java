package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jawa.runtime.ExecutionTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The execution run shared by the per-tier spec testsuite tests: every script in scope executed
 * on one tier, reported per file, and the failures compared exactly with the known-failures
 * entries of that tier's check kinds.
 */
final class SpecTestsuiteExecution {

    private static final int MAX_LISTED = 100;

    private SpecTestsuiteExecution() {
    }

    /** The known-failures file: system property {@code jawa.knownFailures}, else the repository's. */
    static Path knownFailuresFile() {
        String property = System.getProperty("jawa.knownFailures");
        return property != null ? Path.of(property) : Path.of("..", "known-failures.txt");
    }

    /**
     * Runs every script in scope on {@code tier}, reporting failures as {@code kind}, and fails
     * unless they are exactly the listed entries of {@code listedKinds}.
     */
    static void runAndCompare(ExecutionTier tier, CheckKind kind, Set<CheckKind> listedKinds, String label)
            throws IOException {
        Path root = SpecTestsuiteTest.testsuite();
        Path knownFile = knownFailuresFile();
        assertTrue(Files.isRegularFile(knownFile), "known-failures file not found: " + knownFile.toAbsolutePath());
        WastRunnerKnownFailures known = WastRunnerKnownFailures.load(knownFile).restrictedTo(listedKinds);

        List<Path> files = SpecTestsuiteTest.filesInScope(root);
        assertFalse(files.isEmpty(), "no .wast files in " + root.toAbsolutePath().normalize());
        WastExecRunner runner = new WastExecRunner(tier, kind);
        List<WastRunnerFileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            results.add(runner.runFile(file, name));
        }
        System.out.println("Spec testsuite, executed on " + label + ": " + files.size() + " files");
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
