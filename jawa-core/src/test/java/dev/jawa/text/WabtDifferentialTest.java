package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.WasmException;
import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Module;
import dev.jawa.text.wast.FormatsBytesDifference;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import dev.jawa.text.wast.WastScript;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.RefType;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares Jawa's text-to-binary translation with wabt's {@code wat2wasm}: for every text module
 * ({@link ModuleSource.Text}) of the spec testsuite files in {@link #FILES}, if
 * {@code wat2wasm --enable-all} accepts the module, its bytes must equal
 * {@code BinaryEncoder.encode(TextParser.parseModule(text).withoutNames())} (wabt writes no name
 * section by default). A module wabt rejects (it validates, and it lags behind the spec on some
 * proposals) is only counted.
 *
 * <p>A difference fails the test unless one of the {@link #KNOWN_DIFFERENCES} explains it: a
 * named, documented reason why wabt and the spec may legitimately differ.
 *
 * <p>Cost: one {@code wat2wasm} process per module costs about 3 ms (measured from Java: 2.7 ms
 * each over 300 runs on a small module). The files below hold about 2,800 text modules, so one
 * core needs about 8 s; the processes run on all available cores, which keeps the test to a few
 * seconds without batching (batching through {@code wast2json} would fail a whole file whenever
 * wabt rejects one of its modules). The test prints its measured cost per process.
 *
 * <p>Skipped, with a message, when {@code wat2wasm} is not on the PATH or the testsuite is
 * missing.
 */
class WabtDifferentialTest {

    /**
     * The testsuite files compared: the top-level files of the WebAssembly 2.0 feature set, which
     * wabt implements fully (MVP plus multi-value, sign extension, saturating conversions, bulk
     * memory and reference types). Left out are the files about later proposals: SIMD
     * ({@code simd_*}), relaxed SIMD ({@code relaxed_*}, {@code *_relaxed_*}), GC and function
     * references ({@code struct}, {@code array*}, {@code ref}, {@code ref_*}, {@code br_on_*},
     * {@code call_ref}, {@code i31}, {@code type-*}, {@code binary-gc}, {@code extern},
     * {@code table-sub}, {@code local_init}), exceptions ({@code tag}, {@code throw},
     * {@code throw_ref}, {@code try_table}), tail calls ({@code return_call*}), memory64 and
     * table64 (names ending in {@code 64}, {@code memory64*}, {@code binary_leb128_64},
     * {@code table_copy_mixed}), multi-memory ({@code memory-multi}, {@code memory_size_import} and
     * the numbered variants such as {@code address0}), annotations ({@code annotations}), module
     * definitions and instances ({@code instance}), and threads. Files kept here may still hold a
     * few modules with later features; wabt rejects or accepts those on its own terms.
     */
    static final List<String> FILES = List.of(
            "address", "align", "binary", "binary-leb128", "block", "br", "br_if", "br_table", "bulk",
            "call", "call_indirect", "comments", "const", "conversions", "custom", "data", "elem",
            "endianness", "exports", "f32", "f32_bitwise", "f32_cmp", "f64", "f64_bitwise", "f64_cmp",
            "fac", "float_exprs", "float_literals", "float_memory", "float_misc", "forward", "func",
            "func_ptrs", "global", "i32", "i64", "id", "if", "imports", "inline-module", "int_exprs",
            "int_literals", "labels", "left-to-right", "linking", "load", "local_get", "local_set",
            "local_tee", "loop", "memory", "memory_copy", "memory_fill", "memory_grow", "memory_init",
            "memory_redundancy", "memory_size", "memory_trap", "names", "nop", "obsolete-keywords",
            "return", "select", "skip-stack-guard-page", "stack", "start", "store", "switch", "table",
            "table_copy", "table_fill", "table_get", "table_grow", "table_init", "table_set",
            "table_size", "token", "traps", "type", "unreachable", "unreached-invalid",
            "unreached-valid", "unwind", "utf8-custom-section-id", "utf8-import-field",
            "utf8-import-module", "utf8-invalid-encoding");

    /** One module wabt accepted but encoded differently from Jawa (or Jawa failed on). */
    record Mismatch(String file, int line, String text, byte[] wabt, byte[] jawa, Throwable jawaError) {

        String describe() {
            String why = jawaError != null
                    ? "Jawa failed: " + jawaError
                    : "bytes differ (wabt vs Jawa) " + FormatsBytesDifference.describe(wabt, jawa);
            return file + ":" + line + ": " + why;
        }
    }

    /**
     * A documented reason why wabt's bytes may legitimately differ from the spec's: its name, why
     * wabt differs, and which mismatches it covers.
     */
    record KnownDifference(String name, String why, Predicate<Mismatch> explains) {
    }

    /**
     * The reasons wabt and the spec may differ. Every entry names wabt's behaviour and why it is
     * not Jawa's bug; keep each predicate as narrow as the difference it describes.
     */
    static final List<KnownDifference> KNOWN_DIFFERENCES = List.of(
            new KnownDifference("wabt-funcref-segments-as-function-indices",
                    "wabt 1.0.32 writes element segments of type funcref whose items are all ref.func (or"
                    + " that are empty) in the function-index forms (flags 0-3). Since typed function"
                    + " references (WebAssembly 3.0) those forms mean type (ref func), not funcref, so"
                    + " the spec encodes a funcref segment in the expression forms (flags 4-7), as Jawa"
                    + " does. The reference interpreter agrees: 'func x*' has type (ref func), a segment"
                    + " written 'funcref ...' or inline in a funcref table keeps type funcref.",
                    WabtDifferentialTest::onlyFuncrefSegmentsWrittenAsIndices),
            new KnownDifference("wabt-typed-reference-draft-codes",
                    "wabt 1.0.32 encodes typed references as the function-references proposal's drafts"
                    + " did, 0x6B for (ref ht) and 0x6C for (ref null ht), where WebAssembly 3.0 uses"
                    + " 0x64 and 0x63 (and 0x6B, 0x6C now stand for structref and arrayref).",
                    WabtDifferentialTest::firstDifferenceIsADraftReferenceCode));

    /**
     * Whether the two encodings decode to the same module except for element segments that wabt
     * typed (ref func) where Jawa kept funcref, with the same mode, table, offset and items.
     */
    static boolean onlyFuncrefSegmentsWrittenAsIndices(Mismatch m) {
        if (m.jawaError() != null) {
            return false;
        }
        Module wabt;
        Module jawa;
        try {
            wabt = BinaryDecoder.decode(m.wabt());
            jawa = BinaryDecoder.decode(m.jawa());
        } catch (WasmException e) {
            return false;
        }
        if (wabt.elements().size() != jawa.elements().size() || wabt.elements().equals(jawa.elements())) {
            return false;
        }
        RefType refFunc = RefType.of(false, AbsHeapType.FUNC);
        List<ElementSegment> elements = new ArrayList<>();
        for (int i = 0; i < wabt.elements().size(); i++) {
            ElementSegment w = wabt.elements().get(i);
            ElementSegment j = jawa.elements().get(i);
            boolean kindOnly = w.type().equals(refFunc) && j.type().equals(RefType.FUNCREF)
                    && w.mode() == j.mode() && w.table() == j.table()
                    && Objects.equals(w.offset(), j.offset()) && w.init().equals(j.init());
            elements.add(kindOnly ? j : w);
        }
        Module.Builder b = wabt.toBuilder().clearElements();
        elements.forEach(b::addElement);
        return b.build().equals(jawa);
    }

    /** Whether the bytes first differ where wabt has 0x6B or 0x6C and Jawa 0x64 or 0x63. */
    static boolean firstDifferenceIsADraftReferenceCode(Mismatch m) {
        if (m.jawaError() != null) {
            return false;
        }
        int n = Math.min(m.wabt().length, m.jawa().length);
        for (int i = 0; i < n; i++) {
            int w = m.wabt()[i] & 0xFF;
            int j = m.jawa()[i] & 0xFF;
            if (w != j) {
                return (w == 0x6B && j == 0x64) || (w == 0x6C && j == 0x63);
            }
        }
        return false;
    }

    private static final Pattern MODULE_DEFINITION = Pattern.compile("^\\(module\\s+definition\\b");
    private static final long WAT2WASM_TIMEOUT_SECONDS = 60;

    @TempDir
    Path temp;

    @Test
    void jawaEncodesEveryTextModuleWabtAcceptsToTheSameBytes() throws Exception {
        Path wat2wasm = findOnPath("wat2wasm");
        assumeTrue(wat2wasm != null, "wat2wasm is not on the PATH; install wabt (e.g. apt-get install wabt)"
                + " to run the differential test");
        Path root = Path.of(System.getProperty("jawa.testsuite", "../../shared/testsuite"));
        assumeTrue(Files.isDirectory(root), "spec testsuite not found at " + root.toAbsolutePath()
                + "; set -Djawa.testsuite=DIR");

        List<String> problems = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (String name : FILES) {
            Path file = root.resolve(name + ".wast");
            if (!Files.isRegularFile(file)) {
                problems.add(name + ".wast: missing from the testsuite");
                continue;
            }
            try {
                WastScript script = WastParser.parse(Files.readString(file, StandardCharsets.UTF_8), name + ".wast");
                collect(name + ".wast", script.commands(), candidates);
            } catch (RuntimeException e) {
                problems.add(name + ".wast: the script could not be parsed: " + e);
            }
        }

        AtomicLong wabtNanos = new AtomicLong();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                int id = i;
                futures.add(pool.submit(() -> compare(wat2wasm, c, id, wabtNanos)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    problems.add("comparison failed: " + e.getCause());
                }
            }
            report(candidates.size(), outcomes, problems, wabtNanos.get(), System.nanoTime() - start, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A text module of a script, and the kind of command that holds it. */
    private record Candidate(String file, int line, String command, String source, int start, int end) {
    }

    /** What became of one module: wabt rejected it, or the comparison's mismatch (null if equal). */
    private record Outcome(Candidate candidate, boolean wabtAccepted, Mismatch mismatch, String timeout) {
    }

    private static void collect(String file, List<WastCommand> commands, List<Candidate> into) {
        for (WastCommand c : commands) {
            String command;
            ModuleSource m;
            switch (c) {
                case WastCommand.ModuleCmd x -> {
                    command = "module";
                    m = x.source();
                }
                case WastCommand.AssertMalformed x -> {
                    command = "assert_malformed";
                    m = x.module();
                }
                case WastCommand.AssertInvalid x -> {
                    command = "assert_invalid";
                    m = x.module();
                }
                case WastCommand.AssertMalformedCustom x -> {
                    command = "assert_malformed_custom";
                    m = x.module();
                }
                case WastCommand.AssertInvalidCustom x -> {
                    command = "assert_invalid_custom";
                    m = x.module();
                }
                case WastCommand.AssertUnlinkable x -> {
                    command = "assert_unlinkable";
                    m = x.module();
                }
                case WastCommand.AssertUninstantiable x -> {
                    command = "assert_uninstantiable";
                    m = x.module();
                }
                case WastCommand.AssertModuleTrap x -> {
                    command = "assert_trap";
                    m = x.module();
                }
                case WastCommand.Thread t -> {
                    collect(file, t.commands(), into);
                    continue;
                }
                default -> {
                    continue;
                }
            }
            if (m instanceof ModuleSource.Text t) {
                into.add(new Candidate(file, t.line(), command, t.source(), t.start(), t.end()));
            }
        }
    }

    private Outcome compare(Path wat2wasm, Candidate c, int id, AtomicLong wabtNanos) throws IOException,
            InterruptedException {
        String text = c.source().substring(c.start(), c.end());
        // wabt does not know module definitions; the module itself is the same.
        String forWabt = MODULE_DEFINITION.matcher(text).replaceFirst("(module");
        Path in = Files.writeString(temp.resolve("m" + id + ".wat"), forWabt, StandardCharsets.UTF_8);
        Path out = temp.resolve("m" + id + ".wasm");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(wat2wasm.toString(), "--enable-all", in.toString(), "-o", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(WAT2WASM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(c, false, null, c.file() + ":" + c.line() + ": wat2wasm timed out");
        }
        wabtNanos.addAndGet(System.nanoTime() - t0);
        Files.delete(in);
        if (p.exitValue() != 0) {
            Files.deleteIfExists(out);
            return new Outcome(c, false, null, null);
        }
        byte[] wabt = Files.readAllBytes(out);
        Files.delete(out);
        byte[] jawa = null;
        Throwable error = null;
        try {
            jawa = BinaryEncoder.encode(TextParser.parseModule(c.source(), c.start(), c.end()).withoutNames());
        } catch (RuntimeException | StackOverflowError e) {
            error = e;
        }
        Mismatch m = error == null && Arrays.equals(wabt, jawa)
                ? null : new Mismatch(c.file(), c.line(), text, wabt, jawa, error);
        return new Outcome(c, true, m, null);
    }

    private static void report(int modules, List<Outcome> outcomes, List<String> problems, long wabtNanos,
            long wallNanos, int threads) {
        int accepted = 0;
        int identical = 0;
        Map<String, Integer> explained = new LinkedHashMap<>();
        Map<String, Integer> rejectedByCommand = new TreeMap<>();
        List<Mismatch> unexplained = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.timeout() != null) {
                problems.add(o.timeout());
                continue;
            }
            if (!o.wabtAccepted()) {
                rejectedByCommand.merge(o.candidate().command(), 1, Integer::sum);
                continue;
            }
            accepted++;
            Mismatch m = o.mismatch();
            if (m == null) {
                identical++;
                continue;
            }
            KnownDifference reason = KNOWN_DIFFERENCES.stream().filter(k -> k.explains().test(m)).findFirst()
                    .orElse(null);
            if (reason != null) {
                explained.merge(reason.name(), 1, Integer::sum);
            } else {
                unexplained.add(m);
            }
        }
        System.out.printf("wabt differential: %d text modules in %d files; wat2wasm accepted %d, rejected %d%n",
                modules, FILES.size(), accepted, outcomes.size() - accepted);
        System.out.println("wabt differential: wat2wasm rejected, by command: " + rejectedByCommand);
        System.out.printf("wabt differential: %d identical, %d explained by known differences, %d differ%n",
                identical, explained.values().stream().mapToInt(Integer::intValue).sum(), unexplained.size());
        explained.forEach((name, n) -> System.out.printf("  known difference %s: %d modules%n", name, n));
        if (!outcomes.isEmpty()) {
            System.out.printf("wabt differential: %.2f ms per wat2wasm process, %.1f s wall on %d threads%n",
                    wabtNanos / 1e6 / outcomes.size(), wallNanos / 1e9, threads);
        }

        unexplained.sort(Comparator.comparing(Mismatch::file).thenComparingInt(Mismatch::line));
        StringBuilder sb = new StringBuilder();
        for (String p : problems) {
            sb.append("  ").append(p).append('\n');
        }
        unexplained.stream().limit(100).forEach(m -> sb.append("  ").append(m.describe()).append('\n'));
        if (unexplained.size() > 100) {
            sb.append("  ... and ").append(unexplained.size() - 100).append(" more\n");
        }
        if (!sb.isEmpty()) {
            fail(problems.size() + " problems and " + unexplained.size()
                    + " modules encoded differently from wabt:\n" + sb);
        }
        assertFalse(modules == 0, "no text modules found");
    }

    private static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }
}
