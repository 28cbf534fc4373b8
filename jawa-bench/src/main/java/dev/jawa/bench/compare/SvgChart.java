package dev.jawa.bench.compare;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Draws the median times as a bar chart in plain SVG: one group per kernel, one bar per engine, on
 * a logarithmic time axis (the engines differ by orders of magnitude). A missing bar means the
 * engine failed or did not run that kernel.
 */
public final class SvgChart {

    /** Distinct colours, one per engine column, in order. */
    private static final String[] COLOURS = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    };

    private static final int BAR = 10;
    private static final int GROUP_GAP = 20;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 70;
    private static final int PLOT_HEIGHT = 300;
    private static final int BOTTOM = 40;

    private SvgChart() {}

    /**
     * Renders the chart.
     *
     * @param results the results
     * @param title the title above the chart
     * @return a complete SVG document
     */
    public static String render(Results results, String title) {
        List<String> engines = results.engines();
        List<String> kernels = results.kernels();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (String k : kernels) {
            for (String e : engines) {
                OptionalDouble m = results.medianMillis(k, e);
                if (m.isPresent() && m.getAsDouble() > 0) {
                    min = Math.min(min, m.getAsDouble());
                    max = Math.max(max, m.getAsDouble());
                }
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        int lowExp = (int) Math.floor(Math.log10(min));
        int highExp = Math.max(lowExp + 1, (int) Math.ceil(Math.log10(max)));
        int groupWidth = engines.size() * BAR + GROUP_GAP;
        int width = LEFT + kernels.size() * groupWidth + RIGHT;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int plotBottom = TOP + PLOT_HEIGHT;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"11\">\n",
                width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                LEFT, escape(title)));

        // The legend: a row of swatches, wrapping when the chart is narrow.
        int lx = LEFT;
        int ly = 34;
        for (int i = 0; i < engines.size(); i++) {
            int itemWidth = 26 + 7 * engines.get(i).length();
            if (lx + itemWidth > width - RIGHT) {
                lx = LEFT;
                ly += 16;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", lx, ly - 9, colour(i), lx + 14, ly, escape(engines.get(i))));
            lx += itemWidth;
        }

        // Grid lines and labels at each power of ten.
        for (int exp = lowExp; exp <= highExp; exp++) {
            double y = y(Math.pow(10, exp), lowExp, highExp, plotBottom);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    LEFT, y, width - RIGHT, y, LEFT - 6, y + 4, tickLabel(exp)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">median time (log scale)</text>\n",
                TOP + PLOT_HEIGHT / 2));

        for (int g = 0; g < kernels.size(); g++) {
            String k = kernels.get(g);
            int gx = LEFT + g * groupWidth + GROUP_GAP / 2;
            for (int i = 0; i < engines.size(); i++) {
                OptionalDouble m = results.medianMillis(k, engines.get(i));
                if (m.isEmpty() || m.getAsDouble() <= 0) {
                    continue;
                }
                double top = y(m.getAsDouble(), lowExp, highExp, plotBottom);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %s</title></rect>\n",
                        gx + i * BAR, top, BAR - 1, plotBottom - top, colour(i), escape(k), escape(engines.get(i)),
                        MarkdownTables.millis(m.getAsDouble())));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    gx + engines.size() * BAR / 2, plotBottom + 16, escape(k)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                LEFT, plotBottom, width - RIGHT, plotBottom));
        return svg.append("</svg>\n").toString();
    }

    private static double y(double ms, int lowExp, int highExp, int plotBottom) {
        double fraction = (Math.log10(ms) - lowExp) / (highExp - lowExp);
        return plotBottom - fraction * PLOT_HEIGHT;
    }

    private static String tickLabel(int exp) {
        double ms = Math.pow(10, exp);
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.0f s", ms / 1000);
        }
        return ms >= 1 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%s ms", trim(ms));
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "");
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /**
     * Escapes text for SVG content.
     *
     * @param s the text
     * @return it with {@code & < > "} escaped
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
