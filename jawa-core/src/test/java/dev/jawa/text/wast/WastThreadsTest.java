package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.interp.Interpreter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The script commands {@code thread} and {@code wait}, executed on real JVM threads. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WastThreadsTest {

    private static WastRunnerFileResult run(String resource) throws URISyntaxException {
        Path path = Path.of(WastThreadsTest.class.getResource(resource).toURI());
        return new WastExecRunner(new Interpreter()).runFile(path, resource);
    }

    @Test
    void threadsShareMemoriesAndWaitJoinsThem() throws Exception {
        CheckTally t = run("threads.wast").tally();
        assertEquals(List.of(), t.failures());
        // Main: 2 modules, register, 3 waits, 2 assertions; the threads: 4, 3 and 3 commands.
        assertEquals(18, t.passed());
    }

    @Test
    void aThreadsFailuresAreTheScriptsAtTheirLines() throws Exception {
        CheckTally t = run("threads-failing.wast").tally();
        assertEquals(2, t.failed(), t.failures()::toString);
        assertEquals(5, t.failures().get(0).line());
        assertEquals(8, t.failures().get(1).line());
        assertEquals(3, t.passed()); // the module, the thread's first assertion, wait $T
    }
}
