package dev.jawa.bench.compare;

import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what a kernel run printed: the kernel's {@code checksum <16 hex digits>} line on stdout,
 * and the in-process time line ({@value #TIME_PREFIX}{@code N}) that the engine runners print on
 * stderr.
 */
public final class RunOutput {

    /** What the engine runners print before the nanoseconds of a run, alone on a stderr line. */
    public static final String TIME_PREFIX = "jawa-bench-time-ns ";

    private static final String CHECKSUM_PREFIX = "checksum ";

    private RunOutput() {}

    /**
     * The checksum a kernel printed: the value of the last line that is exactly {@code checksum}
     * followed by 16 hex digits.
     *
     * @param stdout everything the run printed on stdout
     * @return the checksum, or empty when no such line is there
     */
    public static OptionalLong checksum(String stdout) {
        OptionalLong found = OptionalLong.empty();
        for (String line : stdout.split("\\R")) {
            String s = line.strip();
            if (s.startsWith(CHECKSUM_PREFIX)) {
                String hex = s.substring(CHECKSUM_PREFIX.length());
                if (hex.length() == 16 && hex.chars().allMatch(HexFormat::isHexDigit)) {
                    found = OptionalLong.of(HexFormat.fromHexDigitsToLong(hex));
                }
            }
        }
        return found;
    }

    /**
     * The nanoseconds a runner reported on stderr.
     *
     * @param stderr everything the run printed on stderr
     * @return the time of the last time line, or empty when there is none
     */
    public static OptionalLong reportedNanos(String stderr) {
        OptionalLong found = OptionalLong.empty();
        for (String line : stderr.split("\\R")) {
            if (line.startsWith(TIME_PREFIX)) {
                try {
                    found = OptionalLong.of(Long.parseLong(line.substring(TIME_PREFIX.length()).strip()));
                } catch (NumberFormatException e) {
                    // not a time line after all; keep looking
                }
            }
        }
        return found;
    }

    /**
     * The simple class name of the exception that ended a JVM, from the JVM's {@code Exception in
     * thread "main" some.Exception: ...} line, for the table's failure cells.
     *
     * @param stderr everything the run printed on stderr
     * @return e.g. {@code VerifyError}, or empty when there is no such line
     */
    public static Optional<String> uncaughtException(String stderr) {
        String marker = "Exception in thread \"main\" ";
        for (String line : stderr.split("\\R")) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                String rest = line.substring(at + marker.length());
                String name = rest.split("[:\\s]", 2)[0];
                return Optional.of(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The checksum as the kernels print it and expected.txt records it.
     *
     * @param checksum the value
     * @return 16 lowercase hex digits
     */
    public static String hex(long checksum) {
        return HexFormat.of().toHexDigits(checksum);
    }
}
