package dev.jawa.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the kernels directory: {@code sizes.txt} (one line per kernel: name, quick size, full
 * size) and {@code expected.txt} (one line per kernel and size: name, size, checksum as 16 hex
 * digits). Blank lines and lines starting with {@code #} are comments. Modules are {@code
 * wasm/NAME.wasm}.
 */
public final class KernelCatalog {

    private KernelCatalog() {}

    /**
     * Loads the kernels in the order sizes.txt lists them.
     *
     * @param dir the kernels directory (jawa-bench/kernels)
     * @return the kernels
     * @throws IllegalArgumentException when a file is malformed or a size has no checksum
     */
    public static List<Kernel> load(Path dir) {
        try {
            return parse(dir, Files.readString(dir.resolve("sizes.txt")), Files.readString(dir.resolve("expected.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel lists in " + dir, e);
        }
    }

    /**
     * Parses the two lists' text.
     *
     * @param dir the kernels directory, for the module paths
     * @param sizes the text of sizes.txt
     * @param expected the text of expected.txt
     * @return the kernels in the order of sizes.txt
     */
    static List<Kernel> parse(Path dir, String sizes, String expected) {
        Map<String, Map<Long, Long>> checksums = new HashMap<>();
        for (String[] f : fields(expected, 3, "expected.txt")) {
            checksums.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .put(Long.parseLong(f[1]), HexFormat.fromHexDigitsToLong(f[2]));
        }
        List<Kernel> kernels = new ArrayList<>();
        for (String[] f : fields(sizes, 3, "sizes.txt")) {
            Kernel k = new Kernel(f[0], dir.resolve("wasm").resolve(f[0] + ".wasm"), Long.parseLong(f[1]),
                    Long.parseLong(f[2]), checksums.getOrDefault(f[0], Map.of()));
            for (long size : new long[] {k.quickSize(), k.fullSize()}) {
                if (!k.expected().containsKey(size)) {
                    throw new IllegalArgumentException("expected.txt has no checksum for " + k.name() + " at size " + size);
                }
            }
            kernels.add(k);
        }
        return kernels;
    }

    private static List<String[]> fields(String text, int count, String file) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split("\\s+");
            if (f.length != count) {
                throw new IllegalArgumentException(file + ": expected " + count + " fields in: " + s);
            }
            rows.add(f);
        }
        return rows;
    }
}
