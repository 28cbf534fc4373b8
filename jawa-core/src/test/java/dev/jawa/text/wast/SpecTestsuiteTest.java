package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.validate.SideTableInvariants;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the static checks of {@link WastRunner} over the spec testsuite: every module of every
 * script in scope round-trips through the text and binary formats, every malformed module is
 * rejected as malformed, every module the scripts use as valid passes validation, and every
 * {@code assert_invalid} module is rejected by it (see {@link WastRunner} for the details).
 * Prints {@code FILE: N passed, M failed} per file and the total last.
 *
 * <p>It also checks the invariants of the branch side table of every function that validates
 * ({@link SideTableInvariants}), which the interpreter will rely on.
 *
 * <p>The scope: the {@code *.wast} files at the top of the testsuite directory (system property
 * {@code jawa.testsuite}), plus those directly in {@code legacy/}, {@code custom/} and
 * {@code proposals/threads/}.
 *
 * <p>The test passes when the failures are exactly those listed in the known-failures file (system
 * property {@code jawa.knownFailures}, by default {@code known-failures.txt} at the repository
 * root; see {@link WastRunnerKnownFailures}).
 */
class SpecTestsuiteTest {

    /** Subdirectories in scope besides the top level. */
    static final List<String> SUBDIRECTORIES = List.of("legacy", "custom", "proposals/threads");

    private static final int MAX_LISTED = 100;

    static Path testsuite() {
        Path root = Path.of(System.getProperty("jawa.testsuite", "../../shared/testsuite"));
        assumeTrue(Files.isDirectory(root), "spec testsuite not found at " + root.toAbsolutePath()
                + "; set -Djawa.testsuite=DIR");
        return root;
    }

    /** The scripts in scope, top level first, each directory sorted by name. */
    static List<Path> filesInScope(Path root) throws IOException {
        List<Path> files = new ArrayList<>(WastRunner.wastFiles(root));
        for (String sub : SUBDIRECTORIES) {
            Path dir = root.resolve(sub);
            if (Files.isDirectory(dir)) {
                files.addAll(WastRunner.wastFiles(dir));
            }
        }
        return files;
    }

    @Test
    void theStaticChecksFailExactlyTheKnownFailures() throws IOException {
        Path root = testsuite();
        Path knownFile = SpecTestsuiteExecution.knownFailuresFile();
        assertTrue(Files.isRegularFile(knownFile), "known-failures file not found: " + knownFile.toAbsolutePath());
        WastRunnerKnownFailures known = WastRunnerKnownFailures.load(knownFile).restrictedTo(CheckKind.STATIC);

        List<Path> files = filesInScope(root);
        assertFalse(files.isEmpty(), "no .wast files in " + root.toAbsolutePath().normalize());
        List<String> sideTableProblems = new ArrayList<>();
        String[] current = {""};
        WastRunner runner = WastRunner.staticChecks(FormatsCodec.JAWA, m -> {
            ValidatedModule v = Validator.validate(m);
            SideTableInvariants.problems(v).forEach(p -> sideTableProblems.add(current[0] + ": " + p));
            return v;
        });
        List<WastRunnerFileResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            current[0] = name;
            results.add(runner.runFile(file, name));
        }
        System.out.println("Spec testsuite, static checks (formats and validation): " + files.size() + " files in "
                + root.toAbsolutePath().normalize());
        WastRunnerReport.write(results, known, false, System.out::println);
        assertEquals(List.of(), sideTableProblems, "side tables breaking their invariants");

        CheckTally total = WastRunnerReport.total(results);
        WastRunnerKnownFailures.Comparison comparison = known.compare(total.failures());
        if (!comparison.exact()) {
            fail(explain(comparison, knownFile));
        }
    }

    private static String explain(WastRunnerKnownFailures.Comparison c, Path knownFile) {
        StringBuilder sb = new StringBuilder("the failures differ from " + knownFile + "\n");
        if (!c.unexpected().isEmpty()) {
            sb.append(c.unexpected().size()).append(" unexpected failures (fix them, or list them with a reason):\n");
            c.unexpected().stream().limit(MAX_LISTED).forEach(f -> sb.append("  ").append(f.describe()).append('\n'));
            if (c.unexpected().size() > MAX_LISTED) {
                sb.append("  ... and ").append(c.unexpected().size() - MAX_LISTED).append(" more\n");
            }
        }
        if (!c.nowPassing().isEmpty()) {
            sb.append(c.nowPassing().size()).append(" listed failures no longer fail (remove them from the list):\n");
            c.nowPassing().stream().limit(MAX_LISTED).forEach(k -> sb.append("  ").append(k).append('\n'));
            if (c.nowPassing().size() > MAX_LISTED) {
                sb.append("  ... and ").append(c.nowPassing().size() - MAX_LISTED).append(" more\n");
            }
        }
        return sb.toString();
    }
}
