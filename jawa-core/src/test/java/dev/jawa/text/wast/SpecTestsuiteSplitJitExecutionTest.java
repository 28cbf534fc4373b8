package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.jit.JitTier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The spec testsuite's control-flow, call and exception scripts on the compiler tier with functions
 * split everywhere (the property {@code jawa.jit.splitBytes} at 0): every stretch of every
 * construct becomes a method of its own (see {@code dev.jawa.jit.FunctionSplitter}), so the
 * split path runs the suite's functions too. Every check must pass, as it does unsplit.
 * (The whole suite passes this way as well: {@code JAWA_JAVA_OPTS=-Djawa.jit.splitBytes=0
 * ./jawa wast --tier jit ...}; this subset keeps the build fast.)
 */
class SpecTestsuiteSplitJitExecutionTest {

    private static final Set<String> FILES = Set.of(
            "block.wast", "loop.wast", "if.wast", "br.wast", "br_if.wast", "br_table.wast", "br_on_null.wast",
            "br_on_non_null.wast", "br_on_cast.wast", "br_on_cast_fail.wast", "return.wast", "select.wast",
            "local_get.wast", "local_set.wast", "local_tee.wast", "labels.wast", "fac.wast", "unwind.wast",
            "switch.wast", "stack.wast", "call.wast", "call_indirect.wast", "call_ref.wast", "try_table.wast",
            "throw.wast", "throw_ref.wast", "left-to-right.wast", "func.wast", "unreachable.wast",
            "return_call.wast", "return_call_indirect.wast", "return_call_ref.wast", "float_exprs.wast",
            "legacy/try_catch.wast", "legacy/try_delegate.wast", "legacy/rethrow.wast", "simd_lane.wast");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void splitFunctionsExecuteAsTheScriptsSay() throws Exception {
        Path root = SpecTestsuiteTest.testsuite();
        List<Path> files = new ArrayList<>();
        for (Path f : SpecTestsuiteTest.filesInScope(root)) {
            if (FILES.contains(root.relativize(f).toString().replace('\\', '/'))) {
                files.add(f);
            }
        }
        assertEquals(FILES.size(), files.size(), "scripts found");
        String old = System.getProperty("jawa.jit.splitBytes");
        System.setProperty("jawa.jit.splitBytes", "0");
        List<WastRunnerFileResult> results = new ArrayList<>();
        try {
            WastExecRunner runner = new WastExecRunner(new JitTier(), CheckKind.EXECUTION_JIT);
            for (Path file : files) {
                results.add(runner.runFile(file, root.relativize(file).toString().replace('\\', '/')));
            }
        } finally {
            if (old == null) {
                System.clearProperty("jawa.jit.splitBytes");
            } else {
                System.setProperty("jawa.jit.splitBytes", old);
            }
        }
        CheckTally total = WastRunnerReport.total(results);
        assertTrue(total.passed() > 1000, "checks passed: " + total.passed());
        assertEquals(List.of(), total.failures().stream().map(f -> f.describe()).toList());
    }
}
