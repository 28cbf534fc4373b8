package dev.jawa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Module;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import dev.jawa.text.wast.WastScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The binary modules of the spec testsuite ({@code (module binary ...)}): every one that
 * {@code assert_malformed} expects to fail is rejected with a reason that starts with the
 * expected text (as the reference interpreter matches it), and every other one decodes and
 * survives an encode/decode round trip. In scope: the top-level scripts and those in
 * {@code legacy/}, {@code custom/} and {@code proposals/threads/}.
 */
class SpecTestsuiteBinaryTest {

    private static final List<String> SUBDIRECTORIES = List.of("legacy", "custom", "proposals/threads");

    private int decoded;
    private int rejected;
    private final List<String> failures = new ArrayList<>();

    @Test
    void binaryModulesDecodeOrFailWithTheExpectedReason() throws IOException {
        Path root = Path.of(System.getProperty("jawa.testsuite", "../../shared/testsuite"));
        assumeTrue(Files.isDirectory(root), "spec testsuite not found at " + root.toAbsolutePath()
                + "; set -Djawa.testsuite=DIR");
        List<Path> files = new ArrayList<>(scripts(root));
        for (String sub : SUBDIRECTORIES) {
            if (Files.isDirectory(root.resolve(sub))) {
                files.addAll(scripts(root.resolve(sub)));
            }
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            WastScript script = WastParser.parse(Files.readString(file), name);
            for (WastCommand c : script.commands()) {
                check(name, c);
            }
        }
        System.out.printf("spec binary modules: %d decoded, %d rejected as expected; %d passed, %d failed%n",
                decoded, rejected, decoded + rejected, failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(rejected > 700 && decoded > 90, "found too few binary modules: " + decoded + "/" + rejected);
    }

    private static List<Path> scripts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
    }

    private void check(String file, WastCommand c) {
        switch (c) {
            case WastCommand.AssertMalformed m when m.module() instanceof ModuleSource.Binary b ->
                    malformed(file, b, m.message());
            case WastCommand.ModuleCmd m -> wellFormed(file, m.source());
            case WastCommand.AssertInvalid m -> wellFormed(file, m.module());
            case WastCommand.AssertUnlinkable m -> wellFormed(file, m.module());
            case WastCommand.AssertUninstantiable m -> wellFormed(file, m.module());
            case WastCommand.AssertModuleTrap m -> wellFormed(file, m.module());
            case WastCommand.AssertMalformedCustom m -> wellFormed(file, m.module());
            case WastCommand.AssertInvalidCustom m -> wellFormed(file, m.module());
            case WastCommand.Thread t -> t.commands().forEach(inner -> check(file, inner));
            default -> { }
        }
    }

    private void malformed(String file, ModuleSource.Binary b, String expected) {
        try {
            BinaryDecoder.decode(b.bytes());
            failures.add(file + ":" + b.line() + " decoded, expected \"" + expected + "\"");
        } catch (MalformedModuleException e) {
            if (e.reason().startsWith(expected)) {
                rejected++;
            } else {
                failures.add(file + ":" + b.line() + " expected \"" + expected + "\", got \"" + e.getMessage() + "\"");
            }
        }
    }

    private void wellFormed(String file, ModuleSource source) {
        if (!(source instanceof ModuleSource.Binary b)) {
            return;
        }
        try {
            Module m = BinaryDecoder.decode(b.bytes());
            assertEquals(m, BinaryDecoder.decode(BinaryEncoder.encode(m)), file + ":" + b.line());
            decoded++;
        } catch (MalformedModuleException e) {
            failures.add(file + ":" + b.line() + " rejected: " + e.getMessage());
        }
    }
}
