package dev.jawa.bench.embed;

import dev.jawa.bench.compare.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a JMH result file of the embedding microbenchmarks ({@code -rf csv}) into the Markdown
 * tables that BENCHMARKS.md shows: one for calls across the boundary, one for memory access.
 *
 * <pre>{@code MicroReport RESULTS.csv OUT.md COMMAND [BENCHMARKS.md]}</pre>
 *
 * <p>With a fourth argument it also replaces the text between {@value #START} and {@value #END}
 * in that file (the report of {@code Compare}, which includes OUT.md between those markers when
 * it rewrites the file), so both stay the same.
 *
 * <p>The table's columns come from the results (each Jawa tier and Chicory mode that ran), so new
 * tiers show up without a change here.
 */
public final class MicroReport {

    /** One measured score. */
    record Score(double value, double error, String unit) {}

    /** The marker before the microbenchmark tables in BENCHMARKS.md. */
    public static final String START = "<!-- microbenchmarks: written by jawa-bench/micro.sh -->";
    /** The marker after them. */
    public static final String END = "<!-- end of microbenchmarks -->";

    private MicroReport() {}

    /**
     * Writes the tables.
     *
     * @param args the CSV file, the Markdown file to write, and the JMH command to record
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: MicroReport RESULTS.csv OUT.md COMMAND [BENCHMARKS.md]");
            System.exit(2);
        }
        String machine = "Measured " + LocalDate.now(ZoneOffset.UTC) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores (" + Machine.cpuModel() + "), " + Machine.java() + "; 1-minute load average at the end: "
                + Machine.loadAverage() + ".\n\n";
        String tables = machine + render(parse(Files.readAllLines(Path.of(args[0]))), args[2]);
        Files.writeString(Path.of(args[1]), tables);
        System.err.println("wrote " + args[1]);
        if (args.length == 4) {
            Path report = Path.of(args[3]);
            String text = Files.readString(report);
            int start = text.indexOf(START);
            int end = text.indexOf(END);
            if (start < 0 || end < start) {
                System.err.println("MicroReport: " + report + " has no microbenchmark markers; rerun Compare to add them");
                System.exit(1);
            }
            Files.writeString(report, text.substring(0, start + START.length()) + "\n" + tables + text.substring(end));
            System.err.println("updated " + report);
        }
    }

    /**
     * The section BENCHMARKS.md shows, between the markers: the tables file's text, or a note
     * when the microbenchmarks have not been run.
     *
     * @param tables the file {@code micro.sh} writes
     * @return Markdown text with the markers
     * @throws IOException when the file exists but cannot be read
     */
    public static String section(Path tables) throws IOException {
        String body = Files.isRegularFile(tables) ? Files.readString(tables)
                : "Not run yet: `jawa-bench/micro.sh` runs them and fills this in.\n";
        return START + "\n" + body + END + "\n";
    }

    /**
     * Reads JMH's CSV: keys are {@code method[param=value,...]} (the benchmark's simple method name
     * and its parameters, in JMH's column order), values the scores.
     *
     * @param lines the file's lines, the header first
     * @return the scores by key, in file order
     */
    static Map<String, Score> parse(List<String> lines) {
        List<String> header = fields(lines.getFirst());
        int name = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int unit = header.indexOf("Unit");
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            String method = f.get(name).substring(f.get(name).lastIndexOf('.') + 1);
            List<String> params = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (h.startsWith("Param: ") && i < f.size() && !f.get(i).isEmpty()) {
                    params.add(h.substring("Param: ".length()) + "=" + f.get(i));
                }
            }
            double err = f.get(error).isEmpty() || f.get(error).equals("NaN") ? Double.NaN : number(f.get(error));
            scores.put(method + params, new Score(number(f.get(score)), err, f.get(unit)));
        }
        return scores;
    }

    private static double number(String s) {
        // JMH writes numbers in the JVM's default locale; accept a decimal comma too.
        return Double.parseDouble(s.replace(',', '.'));
    }

    /** Splits one CSV line; JMH quotes text fields and never puts a quote inside one. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /**
     * The Markdown tables.
     *
     * @param scores as {@link #parse} returns them
     * @param command the JMH command that produced them
     * @return Markdown text
     */
    static String render(Map<String, Score> scores, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("Command: `").append(command).append("` (one fork, 3 warm-up and 5 measured iterations of "
                + "1 s each; ± is JMH's 99.9% error). Time per operation, lower is better.\n\n");
        List<String> columns = new ArrayList<>();
        for (String key : scores.keySet()) {
            column(key).ifPresent(c -> {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            });
        }
        columns.sort((a, b) -> Boolean.compare(!a.startsWith("Jawa"), !b.startsWith("Jawa")));
        sb.append("Calls across the boundary (`CallBenchmark`, `HostCallBenchmark`):\n\n");
        sb.append(table("operation", columns, List.of(
                row("Java → wasm `add(i32, i32)`, generic call with raw `long` values "
                        + "(Jawa `Function.call(long...)`, Chicory `ExportFunction.apply(long...)`)",
                        "jawaCall", "chicoryApply"),
                row("Java → wasm `add`, boxed (Jawa `Function.apply(Object...)`)", "jawaApply", null),
                row("Java → wasm `add`, typed binding (Jawa `Function.as(IntBinaryOperator.class)`)",
                        "jawaTyped", null),
                row("wasm → Java host function, per call in a wasm loop (Jawa: raw-array `HostFunction.Code`)",
                        "jawaHostCalls", "chicoryHostCalls"),
                row("wasm → Java host function, typed (Jawa `Linker.function(..., IntUnaryOperator.class, ...)`)",
                        "jawaTypedHostCalls", null),
                row("wasm → wasm function, per call in the same loop (for comparison)", "jawaWasmCalls",
                        "chicoryWasmCalls")), scores));
        sb.append("\nMemory access from Java (`MemoryBenchmark`; the memory API is the same for every tier "
                + "and mode of an engine, so one column each):\n\n");
        List<Row> memoryRows = new ArrayList<>(List.of(
                row("read one i32 (`readInt`)", "jawaReadInt", "chicoryReadInt"),
                row("write one i32 (Jawa `writeInt`, Chicory `writeI32`)", "jawaWriteInt", "chicoryWriteInt")));
        Set<String> sizes = new LinkedHashSet<>();
        for (String key : scores.keySet()) {
            param(key, "bytes").ifPresent(sizes::add);
        }
        for (String n : sizes) {
            memoryRows.add(row("read " + n + " bytes into a new array (Jawa `read(addr, len)`, Chicory `readBytes`)",
                    "jawaReadBytes[bytes=" + n + "]", "chicoryReadBytes[bytes=" + n + "]"));
            memoryRows.add(row("read " + n + " bytes into an existing array (Jawa `read(addr, dest, off, len)`)",
                    "jawaReadInto[bytes=" + n + "]", null));
            memoryRows.add(row("write " + n + " bytes from an array (`write(addr, src, off, len)`)",
                    "jawaWriteBytes[bytes=" + n + "]", "chicoryWriteBytes[bytes=" + n + "]"));
        }
        sb.append(table("operation", List.of("Jawa", "Chicory"), memoryRows, scores));
        return sb.toString();
    }

    /** A table row: its label and the benchmark (method, or method with parameters) per engine. */
    record Row(String label, String jawa, String chicory) {}

    private static Row row(String label, String jawa, String chicory) {
        return new Row(label, jawa, chicory);
    }

    private static String table(String first, List<String> columns, List<Row> rows, Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder("| ").append(first);
        columns.forEach(c -> sb.append(" | ").append(c));
        sb.append(" |\n|---");
        columns.forEach(c -> sb.append("|---:"));
        sb.append("|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.label());
            for (String c : columns) {
                sb.append(" | ").append(cell(r, c, scores));
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }

    /** The score for a row in a column: the column names the engine and its tier or mode, if any. */
    private static String cell(Row r, String column, Map<String, Score> scores) {
        String method = column.startsWith("Jawa") ? r.jawa() : r.chicory();
        if (method == null) {
            return "n/a";
        }
        Map<String, String> wanted = new HashMap<>();
        String base = method;
        int bracket = method.indexOf('[');
        if (bracket >= 0) {
            base = method.substring(0, bracket);
            for (String p : method.substring(bracket + 1, method.length() - 1).split(",")) {
                String[] kv = p.split("=", 2);
                wanted.put(kv[0].strip(), kv[1].strip());
            }
        }
        String[] words = column.split(" ", 2);
        if (words.length == 2) {
            wanted.put(words[0].equals("Jawa") ? "tier" : "mode", words[1]);
        }
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(base + "[") || !key.substring(0, key.indexOf('[')).equals(base)) {
                continue;
            }
            boolean all = wanted.entrySet().stream().allMatch(w -> param(key, w.getKey())
                    .map(v -> v.equals(w.getValue())).orElse(false));
            if (all) {
                return format(e.getValue());
            }
        }
        return "not run";
    }

    private static Optional<String> param(String key, String name) {
        int open = key.indexOf('[');
        for (String p : key.substring(open + 1, key.length() - 1).split(",")) {
            String[] kv = p.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals(name)) {
                return Optional.of(kv[1].strip());
            }
        }
        return Optional.empty();
    }

    /** The column a result belongs to: "Jawa TIER" or "Chicory MODE"; memory results have none. */
    private static Optional<String> column(String key) {
        return param(key, "tier").map(t -> "Jawa " + t)
                .or(() -> param(key, "mode").map(m -> "Chicory " + m));
    }

    static String format(Score s) {
        String unit = s.unit().equals("ns/op") ? " ns" : " " + s.unit();
        return Double.isNaN(s.error()) ? num(s.value()) + unit : num(s.value()) + " ± " + num(s.error()) + unit;
    }

    private static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
