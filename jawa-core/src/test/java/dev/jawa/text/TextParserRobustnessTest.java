package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.MalformedTextException;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutates modules of the testsuite at random (a fixed seed) and checks that the parser either
 * returns a module or throws {@link MalformedTextException} for bad input, never another
 * exception and never its internal-error fallback.
 */
class TextParserRobustnessTest {

    private static final String[] INSERTS = {"(", ")", "$x", "0", "-1", "\"", "(;", ";)", "(@a", "end", "else",
        "block", "(then", "(param i32)", "(result i32)", "(type 0)", "nan:0x1", "1e400", "v128.const i8x16",
        "(ref null 5)", "offset=1", "align=3", "$", "@", "\\", "é", "\uDC80", "(@custom \"a\")", "(@name \"x\")",
        "(@metadata.code.branch_hint \"\\00\")", "catch", "delegate 0", "try", "(item", "declare", "(elem",
        "(data", "i64", "shared", "0xffffffff", "(rec", "(sub final"};

    @Test
    void mutatedModulesParseOrFailCleanly() throws IOException {
        String dir = System.getProperty("jawa.testsuite");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "the testsuite directory is missing");
        List<String> modules = new ArrayList<>();
        for (String name : new String[] {"block.wast", "if.wast", "elem.wast", "data.wast", "imports.wast",
            "exports.wast", "try_table.wast", "simd_lane.wast", "struct.wast", "type-rec.wast", "memory64.wast"}) {
            String src = Files.readString(Path.of(dir, name), StandardCharsets.UTF_8);
            for (WastCommand c : WastParser.parse(src, name).commands()) {
                if (c instanceof WastCommand.ModuleCmd m && m.source() instanceof ModuleSource.Text t) {
                    modules.add(src.substring(t.start(), t.end()));
                }
            }
        }
        assertFalse(modules.isEmpty());
        // A longer run: -Djawa.fuzz.iterations=N -Djawa.fuzz.seed=S (see the README).
        SplittableRandom r = new SplittableRandom(Long.getLong("jawa.fuzz.seed", 20_240_601L));
        int iterations = Integer.getInteger("jawa.fuzz.iterations", 5000);
        int parsed = 0;
        for (int i = 0; i < iterations; i++) {
            StringBuilder sb = new StringBuilder(modules.get(r.nextInt(modules.size())));
            for (int e = 1 + r.nextInt(3); e > 0; e--) {
                int pos = r.nextInt(sb.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> sb.insert(pos, " " + INSERTS[r.nextInt(INSERTS.length)] + " ");
                    case 1 -> sb.delete(pos, Math.min(sb.length(), pos + r.nextInt(8)));
                    default -> sb.setLength(pos);
                }
            }
            String text = sb.toString();
            try {
                TextParser.parseModule(text);
                parsed++;
            } catch (MalformedTextException e) {
                assertFalse(e.reason().contains("internal error"), () -> e.getMessage() + " for:\n" + text);
                assertTrue(e.line() >= 1 && e.column() >= 1);
            }
        }
        assertTrue(parsed > 0);
    }
}
