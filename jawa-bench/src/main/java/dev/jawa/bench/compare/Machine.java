package dev.jawa.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the report says about the machine and the tools a comparison ran with. */
public final class Machine {

    private Machine() {}

    /** @return the processor's model name from /proc/cpuinfo (as {@code lscpu} shows it) */
    public static String cpuModel() {
        return procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    /** @return the total memory from /proc/meminfo, e.g. {@code 24 GiB} */
    static String memory() {
        return procField(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> v.replace("kB", "").strip())
                .map(kb -> Math.round(Long.parseLong(kb) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown");
    }

    private static Optional<String> procField(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(field)) {
                    return Optional.of(line.substring(colon + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the caller falls back
        }
        return Optional.empty();
    }

    /**
     * The 1-minute load average: above 0 before a run, it shows other work sharing the cores.
     *
     * @return e.g. {@code 0.42}, or {@code unknown} off Linux
     */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the JVM the comparison (and every JVM engine) runs on */
    public static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /**
     * The first line a tool prints for its version.
     *
     * @param command e.g. {@code node --version}
     * @return that line, or empty when the tool is missing
     */
    static Optional<String> toolVersion(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(out.lines().findFirst().orElse(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
