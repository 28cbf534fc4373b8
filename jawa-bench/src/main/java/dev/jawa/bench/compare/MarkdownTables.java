package dev.jawa.bench.compare;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Renders {@link Results} as two Markdown tables: median times, and ratios against a baseline. */
public final class MarkdownTables {

    private MarkdownTables() {}

    /**
     * The table of median times in milliseconds, with a geometric-mean row.
     *
     * @param results the results
     * @param firstColumn the first column's heading
     * @param rowLabels each kernel's label, in the kernels' order
     * @return Markdown text
     */
    public static String times(Results results, String firstColumn, List<String> rowLabels) {
        return times(results, firstColumn, rowLabels, true);
    }

    /**
     * The table of median times in milliseconds.
     *
     * @param results the results
     * @param firstColumn the first column's heading
     * @param rowLabels each kernel's label, in the kernels' order
     * @param geomean whether to add a geometric-mean row (not for rows that are unlike, as a small
     *     and a large module are)
     * @return Markdown text
     */
    public static String times(Results results, String firstColumn, List<String> rowLabels, boolean geomean) {
        StringBuilder sb = header(results, firstColumn);
        for (int i = 0; i < results.kernels().size(); i++) {
            String k = results.kernels().get(i);
            sb.append("| ").append(rowLabels.get(i));
            for (String e : results.engines()) {
                sb.append(" | ").append(cell(results, k, e, results.medianMillis(k, e), MarkdownTables::millis));
            }
            sb.append(" |\n");
        }
        if (!geomean) {
            return sb.toString();
        }
        sb.append("| **geomean**");
        for (String e : results.engines()) {
            sb.append(" | ").append(geomeanCell(results, e, results.geomeanMillis(e), MarkdownTables::millis));
        }
        return sb.append(" |\n").toString();
    }

    /**
     * The table of ratios (engine time over the baseline's time: below 1 is faster), with a
     * geometric-mean row.
     *
     * @param results the results
     * @param baseline the baseline engine
     * @return Markdown text
     */
    public static String ratios(Results results, String baseline) {
        StringBuilder sb = header(results, "kernel");
        for (String k : results.kernels()) {
            sb.append("| ").append(k);
            for (String e : results.engines()) {
                sb.append(" | ").append(cell(results, k, e, results.ratio(k, e, baseline), MarkdownTables::ratio));
            }
            sb.append(" |\n");
        }
        sb.append("| **geomean**");
        for (String e : results.engines()) {
            sb.append(" | ").append(geomeanCell(results, e, results.geomeanRatio(e, baseline), MarkdownTables::ratio));
        }
        return sb.append(" |\n").toString();
    }

    private static StringBuilder header(Results results, String first) {
        StringBuilder sb = new StringBuilder("| ").append(first);
        for (String e : results.engines()) {
            sb.append(" | ").append(e);
        }
        sb.append(" |\n|---");
        for (int i = 0; i < results.engines().size(); i++) {
            sb.append("|---:");
        }
        return sb.append("|\n");
    }

    private static String cell(Results results, String kernel, String engine, OptionalDouble value,
            java.util.function.DoubleFunction<String> format) {
        if (value.isPresent()) {
            return format.apply(value.getAsDouble());
        }
        return results.failure(kernel, engine).map(f -> "**" + f + "**").orElse("–");
    }

    private static String geomeanCell(Results results, String engine, OptionalDouble value,
            java.util.function.DoubleFunction<String> format) {
        if (value.isEmpty()) {
            return "–";
        }
        int measured = results.measuredKernels(engine);
        String s = "**" + format.apply(value.getAsDouble()) + "**";
        return measured < results.kernels().size() ? s + " (" + measured + " of " + results.kernels().size() + ")" : s;
    }

    /**
     * A time with three significant digits.
     *
     * @param ms milliseconds
     * @return e.g. {@code 12.3 ms} or {@code 1.23 s}
     */
    public static String millis(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, ms >= 100_000 ? "%.0f s" : ms >= 10_000 ? "%.1f s" : "%.2f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /**
     * A ratio with two decimals below 10, else fewer.
     *
     * @param r the ratio
     * @return e.g. {@code 0.52×} or {@code 143×}
     */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
    }
}
