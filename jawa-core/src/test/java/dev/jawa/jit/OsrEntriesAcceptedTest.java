package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Module;
import dev.jawa.text.TextParser;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import dev.jawa.text.wast.WastRunner;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code {@code Tier.AUTO} compiles in the background (every function with its on-stack-
 * replacement entries) is accepted by the JVM for every module of the spec testsuite. The
 * execution tests cannot see a rejected class: AUTO then keeps the module in the interpreter and
 * every result is still right, only slow. (An OSR entry whose dead opening code named a local
 * past the method's counted locals was rejected that way, unnoticed, on fac.wast.)
 */
class OsrEntriesAcceptedTest {

    private static final List<String> SUBDIRECTORIES = List.of("legacy", "custom", "proposals/threads");

    @Test
    void everyModuleCompilesWithOsrEntriesIntoClassesTheJvmAccepts() throws IOException {
        Path root = Path.of(System.getProperty("jawa.testsuite", "../../shared/testsuite"));
        assumeTrue(Files.isDirectory(root), "spec testsuite not found at " + root.toAbsolutePath());
        List<Path> files = new ArrayList<>(WastRunner.wastFiles(root));
        for (String sub : SUBDIRECTORIES) {
            if (Files.isDirectory(root.resolve(sub))) {
                files.addAll(WastRunner.wastFiles(root.resolve(sub)));
            }
        }
        List<String> rejected = new ArrayList<>();
        int compiled = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString();
            for (WastCommand c : WastParser.parse(Files.readString(file), name).commands()) {
                if (!(c instanceof WastCommand.ModuleCmd m)) {
                    continue;
                }
                ValidatedModule v = Validator.validate(module(m.source()));
                if (v.module().functions().isEmpty()) {
                    continue;
                }
                boolean[] all = new boolean[v.module().functions().size()]; // the defined functions
                Arrays.fill(all, true);
                try {
                    ModuleCompiler.compileChunk(v, all);
                    compiled++;
                } catch (RuntimeException | LinkageError e) {
                    rejected.add(name + ":" + m.line() + ": " + e);
                }
            }
        }
        System.out.println("compiled with OSR entries: " + compiled + " modules, rejected: " + rejected.size());
        assertTrue(compiled > 1000, "only " + compiled + " modules compiled");
        assertEquals(List.of(), rejected);
    }

    private static Module module(ModuleSource source) {
        return switch (source) {
            case ModuleSource.Text t -> TextParser.parseModule(t.source(), t.start(), t.end());
            case ModuleSource.Quote q -> TextParser.parseModule(q.text());
            case ModuleSource.Binary b -> BinaryDecoder.decode(b.bytes());
        };
    }
}
