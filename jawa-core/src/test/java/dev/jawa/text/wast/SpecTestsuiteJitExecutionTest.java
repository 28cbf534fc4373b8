package dev.jawa.text.wast;

import dev.jawa.jit.JitTier;
import java.io.IOException;
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

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCommandExecutesAsTheScriptSays() throws IOException {
        SpecTestsuiteExecution.runAndCompare(new JitTier(), CheckKind.EXECUTION_JIT, CheckKind.EXECUTED_JIT, "the compiler tier (--tier jit)");
    }
}
