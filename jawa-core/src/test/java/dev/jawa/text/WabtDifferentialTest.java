package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.RefType;
import dev.jawa.text.wast.FormatsBytesDifference;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import dev.jawa.text.wast.WastScript;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * ({@link ModuleSource.Text}) of the spec testsuite scripts (all but {@link #NOT_COMPARED}), if
 * {@code wat2wasm --enable-all} accepts the module, its bytes must equal
 * {@code BinaryEncoder.encode(TextParser.parseModule(text).withoutNames())} (wabt writes no name
 * section by default). A module wabt rejects (it validates, and it lags behind the spec on some
 * proposals) is only counted.
 *
 * <p>A difference fails the test unless one of the {@link #KNOWN_DIFFERENCES} explains it: a
 * named, documented reason why wabt and the spec may legitimately differ.
 *
 * <p>Cost: one {@code wat2wasm} process per module costs about 3 ms (measured from Java: 2.7 ms
 * each over 300 runs on a small module). The scripts compared hold about 4,900 text modules, so one
 * core needs about 15 s; the processes run on all available cores, which keeps the test to a few
 * seconds without batching (batching through {@code wast2json} would fail a whole file whenever
 * wabt rejects one of its modules). The test prints its measured cost per process.
 *
 * <p>Skipped, with a message, when {@code wat2wasm} is not on the PATH or the testsuite is
 * missing.
 */
class WabtDifferentialTest {

    /**
     * The testsuite scripts in scope (top level, legacy/, custom/, proposals/threads/) that are
     * not compared, because wabt 1.0.32 implements their proposal in a pre-standard form:
     * GC and typed function references (struct, array, ref, casts, i31, recursive and sub
     * types), whose reference types it encodes with the GC drafts' opcodes and whose type uses
     * it canonicalizes differently; and the annotations of custom/ ({@code @custom} it ignores,
     * and it attaches a branch hint on a folded {@code (if ...)} to the first instruction of the
     * condition instead of to the {@code if}). Every other script is compared: the 2.0 feature
     * set, SIMD and relaxed SIMD, threads, tail calls, exceptions (legacy and try_table),
     * memory64, table64 and multi-memory; wabt rejects or accepts each module on its own terms.
     */
    static final List<String> NOT_COMPARED = List.of(
            "array", "array_copy", "array_fill", "array_init_data", "array_init_elem", "array_new_data",
            "array_new_elem", "binary-gc", "br_on_cast", "br_on_cast_fail", "br_on_non_null",
            "br_on_null", "call_ref", "extern", "i31", "local_init", "ref", "ref_as_non_null",
            "ref_cast", "ref_eq", "ref_test", "return_call_ref", "struct", "table-sub", "type-canon",
            "type-equivalence", "type-rec", "type-subtyping", "custom/branch_hint",
            "custom/custom_annot", "custom/name_annot");

    /** The scripts compared, as paths relative to the testsuite without ".wast". */
    static List<String> files(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        for (String sub : new String[] {"", "legacy", "custom", "proposals/threads"}) {
            Path dir = sub.isEmpty() ? root : root.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wast")).sorted()
                        .map(n -> (sub.isEmpty() ? "" : sub + "/") + n.substring(0, n.length() - 5))
                        .filter(n -> !NOT_COMPARED.contains(n))
                        .forEach(names::add);
            }
        }
        return names;
    }

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
            new KnownDifference("funcref-segment-as-index-list",
                    "wabt writes an element segment typed funcref whose items are all ref.func as a"
                    + " function-index list (flags 0-3), which the 3.0 binary format types (ref func);"
                    + " the spec's text keeps funcref, which matters for validation (e.g. a table of"
                    + " (ref func)) and array.new_elem, so Jawa keeps funcref and the expression form",
                    WabtDifferentialTest::onlyFuncrefSegmentsAsIndices),
            new KnownDifference("pre-standard-ref-opcodes",
                    "wabt 1.0.32 encodes (ref $t) and (ref null $t) with the GC drafts' 0x6B/0x6C"
                    + " instead of 3.0's 0x64/0x63",
                    m -> m.jawaError() == null && m.text().matches("(?s).*\\(ref (null )?[$0-9].*")
                            && isOldRefOpcodeDifference(m.wabt(), m.jawa())));

    /** The index of the first byte where {@code a} and {@code b} differ, or -1. */
    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    /** Whether wabt wrote 0x6B/0x6C where Jawa wrote 0x64/0x63 at the first difference. */
    static boolean isOldRefOpcodeDifference(byte[] wabt, byte[] jawa) {
        int i = firstDifference(wabt, jawa);
        if (i < 0 || i >= wabt.length || i >= jawa.length) {
            return false;
        }
        int w = wabt[i] & 0xFF;
        int j = jawa[i] & 0xFF;
        return (w == 0x6B && j == 0x64) || (w == 0x6C && j == 0x63);
    }

    /**
     * Whether Jawa's module equals wabt's (both decoded) once every funcref segment of only
     * ref.func items in Jawa's is retyped (ref func), the type wabt's index-list form decodes to.
     */
    static boolean onlyFuncrefSegmentsAsIndices(Mismatch m) {
        if (m.jawaError() != null) {
            return false;
        }
        try {
            Module w = BinaryDecoder.decode(m.wabt());
            Module j = BinaryDecoder.decode(m.jawa());
            List<ElementSegment> retyped = new ArrayList<>();
            boolean changed = false;
            for (ElementSegment e : j.elements()) {
                if (e.type().equals(RefType.FUNCREF) && e.init().stream().allMatch(WabtDifferentialTest::isRefFunc)) {
                    retyped.add(new ElementSegment(e.mode(), e.table(), e.offset(), RefType.of(false, AbsHeapType.FUNC),
                            e.init()));
                    changed = true;
                } else {
                    retyped.add(e);
                }
            }
            if (!changed) {
                return false;
            }
            Module.Builder rebuilt = Module.builder();
            j.recTypes().forEach(rebuilt::addRecType);
            j.imports().forEach(rebuilt::addImport);
            j.functions().forEach(rebuilt::addFunction);
            j.tables().forEach(rebuilt::addTable);
            j.memories().forEach(rebuilt::addMemory);
            j.tags().forEach(rebuilt::addTag);
            j.globals().forEach(rebuilt::addGlobal);
            j.exports().forEach(rebuilt::addExport);
            j.start().ifPresent(rebuilt::start);
            retyped.forEach(rebuilt::addElement);
            rebuilt.hasDataCount(j.hasDataCount());
            j.datas().forEach(rebuilt::addData);
            j.customSections().forEach(rebuilt::addCustomSection);
            rebuilt.names(j.names());
            return rebuilt.build().equals(w);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isRefFunc(Expr x) {
        return x.length() >= 3 && (x.byteAt(0) & 0xFF) == Opcode.REF_FUNC.code()
                && (x.byteAt(x.length() - 1) & 0xFF) == Opcode.END.code();
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
        List<String> files = files(root);
        for (String name : files) {
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
            report(candidates.size(), files.size(), outcomes, problems, wabtNanos.get(), System.nanoTime() - start, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A text module of a script. */
    private record Candidate(String file, int line, String source, int start, int end) {
    }

    /** What became of one module: wabt rejected it, or the comparison's mismatch (null if equal). */
    private record Outcome(Candidate candidate, boolean wabtAccepted, Mismatch mismatch, String timeout) {
    }

    private static void collect(String file, List<WastCommand> commands, List<Candidate> into) {
        for (WastCommand c : commands) {
            ModuleSource m = switch (c) {
                case WastCommand.ModuleCmd x -> x.source();
                case WastCommand.AssertMalformed x -> x.module();
                case WastCommand.AssertInvalid x -> x.module();
                case WastCommand.AssertMalformedCustom x -> x.module();
                case WastCommand.AssertInvalidCustom x -> x.module();
                case WastCommand.AssertUnlinkable x -> x.module();
                case WastCommand.AssertUninstantiable x -> x.module();
                case WastCommand.AssertModuleTrap x -> x.module();
                case WastCommand.Thread t -> {
                    collect(file, t.commands(), into);
                    yield null;
                }
                default -> null;
            };
            if (m instanceof ModuleSource.Text t) {
                into.add(new Candidate(file, t.line(), t.source(), t.start(), t.end()));
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
        Mismatch m = error == null && java.util.Arrays.equals(wabt, jawa)
                ? null : new Mismatch(c.file(), c.line(), text, wabt, jawa, error);
        return new Outcome(c, true, m, null);
    }

    private static void report(int modules, int comparedFiles, List<Outcome> outcomes, List<String> problems, long wabtNanos,
            long wallNanos, int threads) {
        int accepted = 0;
        int identical = 0;
        Map<String, Integer> explained = new LinkedHashMap<>();
        List<Mismatch> unexplained = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.timeout() != null) {
                problems.add(o.timeout());
                continue;
            }
            if (!o.wabtAccepted()) {
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
                modules, comparedFiles, accepted, outcomes.size() - accepted);
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
