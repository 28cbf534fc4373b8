package dev.jawa.text.wast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks known to fail, read from a known-failures file: one entry a line,
 * {@code relative/path.wast:LINE check} (the {@link CheckFailure#key() key} of the failure, with
 * the path relative to the testsuite directory); {@code #} starts a comment; blank lines are
 * ignored.
 *
 * <p>A listed failure is still reported and counted as failed; the list only decides whether a
 * run is as expected. It must be exact: a run matches it when every failure is listed and every
 * entry failed (see {@link #compare}), so the file can only shrink as Jawa improves.
 */
public final class WastRunnerKnownFailures {

    /** No known failures. */
    public static final WastRunnerKnownFailures NONE = new WastRunnerKnownFailures(List.of());

    private static final Pattern ENTRY = Pattern.compile("(\\S+\\.wast):(\\d+) +(\\S+)");

    private final List<String> entries;
    private final Set<String> keys;

    private WastRunnerKnownFailures(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.keys = Set.copyOf(entries);
    }

    /** Reads a known-failures file. */
    public static WastRunnerKnownFailures load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the text of a known-failures file.
     *
     * @throws IllegalArgumentException naming the file and line of an entry that is not
     *     {@code path.wast:LINE check} with a known check, or that is listed twice
     */
    public static WastRunnerKnownFailures parse(String text, String fileName) {
        List<String> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches() || !isCheckName(m.group(3))) {
                throw new IllegalArgumentException(fileName + ":" + (i + 1)
                        + ": expected 'path.wast:LINE check' with check one of " + checkNames() + ", got: " + entry);
            }
            String key = m.group(1) + ":" + Integer.parseInt(m.group(2)) + " " + m.group(3);
            if (!seen.add(key)) {
                throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": listed twice: " + key);
            }
            entries.add(key);
        }
        return new WastRunnerKnownFailures(entries);
    }

    /**
     * The entries whose check is one of {@code kinds}: the part of the one known-failures file
     * that a run of just those checks (formats only, static, or execution) compares against.
     */
    public WastRunnerKnownFailures restrictedTo(Set<CheckKind> kinds) {
        List<String> kept = new ArrayList<>();
        for (String e : entries) {
            String check = e.substring(e.lastIndexOf(' ') + 1);
            for (CheckKind k : kinds) {
                if (k.text().equals(check)) {
                    kept.add(e);
                    break;
                }
            }
        }
        return new WastRunnerKnownFailures(kept);
    }

    /** Whether this failure is listed. */
    public boolean isKnown(CheckFailure failure) {
        return keys.contains(failure.key());
    }

    /** The entries, in file order. */
    public List<String> entries() {
        return entries;
    }

    /** How a run's failures compare with the list. */
    public Comparison compare(Collection<CheckFailure> failures) {
        List<CheckFailure> unexpected = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        for (CheckFailure f : failures) {
            failedKeys.add(f.key());
            if (!keys.contains(f.key())) {
                unexpected.add(f);
            }
        }
        Set<String> nowPassing = new LinkedHashSet<>();
        for (String e : entries) {
            if (!failedKeys.contains(e)) {
                nowPassing.add(e);
            }
        }
        return new Comparison(unexpected, List.copyOf(nowPassing));
    }

    /**
     * The difference between a run and the list: failures that are not listed, and listed entries
     * that did not fail (fixed, or gone).
     */
    public record Comparison(List<CheckFailure> unexpected, List<String> nowPassing) {

        public Comparison {
            unexpected = Collections.unmodifiableList(new ArrayList<>(unexpected));
            nowPassing = List.copyOf(nowPassing);
        }

        /** Whether the run failed exactly the listed checks. */
        public boolean exact() {
            return unexpected.isEmpty() && nowPassing.isEmpty();
        }
    }

    private static boolean isCheckName(String s) {
        for (CheckKind k : CheckKind.values()) {
            if (k.text().equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> checkNames() {
        List<String> names = new ArrayList<>();
        for (CheckKind k : CheckKind.values()) {
            names.add(k.text());
        }
        return names;
    }
}
