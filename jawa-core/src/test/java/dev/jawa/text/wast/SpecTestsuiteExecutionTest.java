package dev.jawa.text.wast;

import dev.jawa.interp.Interpreter;
import java.io.IOException;
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

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCommandExecutesAsTheScriptSays() throws IOException {
        SpecTestsuiteExecution.runAndCompare(new Interpreter(), CheckKind.EXECUTION, CheckKind.EXECUTED, "the interpreter");
    }
}
