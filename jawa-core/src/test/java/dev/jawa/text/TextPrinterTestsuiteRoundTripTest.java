package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.MalformedModuleException;
import dev.jawa.MalformedTextException;
import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.IndirectNameMap;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Names;
import dev.jawa.text.wast.ModuleSource;
import dev.jawa.text.wast.WastCommand;
import dev.jawa.text.wast.WastParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The printer over every well-formed module of the spec testsuite (top level, legacy, custom,
 * threads): a text module parses back from its printed text to an equal module (names
 * included), printing is deterministic, and a binary module's decoded model comes back from its
 * text up to what the text format cannot say (see {@link #expressible(Module)}).
 */
class TextPrinterTestsuiteRoundTripTest {

    private static final List<String> SUBDIRECTORIES = List.of("legacy", "custom", "proposals/threads");

    private record Source(String file, ModuleSource module) {
    }

    @Test
    void textModulesParseBackFromTheirPrintedText() throws IOException {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Source s : wellFormedModules()) {
            Module m;
            switch (s.module()) {
                case ModuleSource.Text t -> m = parseOrNull(t.source(), t.start(), t.end());
                case ModuleSource.Quote q -> m = parseOrNull(q.text(), 0, q.text().length());
                case ModuleSource.Binary b -> {
                    continue;
                }
            }
            if (m == null) {
                continue; // the parser's business: the formats check reports it
            }
            checked++;
            check(s, m, m, failures);
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " text modules differ");
        assertTrue(checked > 5000, "only " + checked + " text modules found");
    }

    @Test
    void binaryModulesParseBackUpToWhatTextCannotSay() throws IOException {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Source s : wellFormedModules()) {
            if (!(s.module() instanceof ModuleSource.Binary b)) {
                continue;
            }
            Module m;
            try {
                m = BinaryDecoder.decode(b.bytes());
            } catch (MalformedModuleException e) {
                continue;
            }
            checked++;
            check(s, m, expressible(m), failures);
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " binary modules differ");
        assertTrue(checked > 50, "only " + checked + " binary modules found");
    }

    /**
     * Prints {@code m}, parses the text and compares with {@code expected}; printing the result
     * again must give the same text.
     */
    private static void check(Source s, Module m, Module expected, List<String> failures) {
        String where = s.file() + ":" + s.module().line();
        String printed = TextPrinter.print(m);
        Module back;
        try {
            back = TextParser.parseModule(printed);
        } catch (MalformedTextException e) {
            failures.add(where + ": printed text does not parse: " + e.getMessage() + " in: "
                    + lineOf(printed, e.line()));
            return;
        }
        String difference = difference(expected, back);
        if (difference != null) {
            failures.add(where + ": " + difference);
        } else if (!printed.equals(TextPrinter.print(back))) {
            failures.add(where + ": printing the parsed module gives other text");
        }
    }

    /**
     * The part of a decoded module that text can express: local runs of zero locals vanish, a
     * data count section is there exactly when code uses a data index (text has no other way to
     * ask for one), and the parser keeps no label names.
     */
    static Module expressible(Module m) {
        Names n = m.names();
        Module.Builder b = Module.builder();
        m.recTypes().forEach(b::addRecType);
        m.imports().forEach(b::addImport);
        for (Function f : m.functions()) {
            List<LocalGroup> runs = f.locals().stream().filter(g -> g.count() > 0).toList();
            b.addFunction(new Function(f.typeIndex(), runs, f.body()));
        }
        m.tables().forEach(b::addTable);
        m.memories().forEach(b::addMemory);
        m.tags().forEach(b::addTag);
        m.globals().forEach(b::addGlobal);
        m.exports().forEach(b::addExport);
        m.start().ifPresent(b::start);
        m.elements().forEach(b::addElement);
        m.datas().forEach(b::addData);
        m.customSections().forEach(b::addCustomSection);
        return b.hasDataCount(usesDataIndex(m))
                .names(new Names(n.module(), n.functions(), n.locals(), IndirectNameMap.EMPTY, n.types(),
                        n.tables(), n.memories(), n.globals(), n.elems(), n.datas(), n.fields(), n.tags()))
                .build();
    }

    private static boolean usesDataIndex(Module m) {
        for (Function f : m.functions()) {
            InstructionReader r = f.body().reader();
            while (r.hasMore()) {
                switch (r.next()) {
                    case MEMORY_INIT, DATA_DROP, ARRAY_NEW_DATA, ARRAY_INIT_DATA -> {
                        return true;
                    }
                    default -> { }
                }
            }
        }
        return false;
    }

    /** Which part of two modules differs first, or null if they are equal. */
    static String difference(Module a, Module b) {
        if (a.equals(b)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        compare(parts, "types", a, b, Module::recTypes);
        compare(parts, "imports", a, b, Module::imports);
        compare(parts, "functions", a, b, Module::functions);
        compare(parts, "tables", a, b, Module::tables);
        compare(parts, "memories", a, b, Module::memories);
        compare(parts, "tags", a, b, Module::tags);
        compare(parts, "globals", a, b, Module::globals);
        compare(parts, "exports", a, b, Module::exports);
        compare(parts, "start", a, b, Module::start);
        compare(parts, "elements", a, b, Module::elements);
        compare(parts, "data count", a, b, Module::hasDataCount);
        compare(parts, "datas", a, b, Module::datas);
        compare(parts, "custom sections", a, b, Module::customSections);
        compare(parts, "names", a, b, Module::names);
        return "differs in " + String.join(", ", parts);
    }

    private static void compare(List<String> parts, String what, Module a, Module b, java.util.function.Function<Module, Object> part) {
        Object x = part.apply(a);
        Object y = part.apply(b);
        if (!Objects.equals(x, y)) {
            parts.add(what + " (" + abbreviate(x) + " vs " + abbreviate(y) + ")");
        }
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static Module parseOrNull(String source, int start, int end) {
        try {
            return TextParser.parseModule(source, start, end);
        } catch (MalformedTextException e) {
            return null;
        }
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "?";
    }

    private static List<Source> cached;

    /** The modules of the testsuite's scripts that are meant to be well-formed (read once). */
    private static synchronized List<Source> wellFormedModules() throws IOException {
        if (cached == null) {
            cached = readWellFormedModules();
        }
        return cached;
    }

    private static List<Source> readWellFormedModules() throws IOException {
        Path root = Path.of(System.getProperty("jawa.testsuite", "../../shared/testsuite"));
        assumeTrue(Files.isDirectory(root), "spec testsuite not found at " + root.toAbsolutePath()
                + "; set -Djawa.testsuite=DIR");
        List<Path> files = new ArrayList<>(wastFiles(root));
        for (String sub : SUBDIRECTORIES) {
            Path dir = root.resolve(sub);
            if (Files.isDirectory(dir)) {
                files.addAll(wastFiles(dir));
            }
        }
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            for (WastCommand c : WastParser.parse(Files.readString(file), name).commands()) {
                collect(name, c, sources);
            }
        }
        return sources;
    }

    private static void collect(String file, WastCommand command, List<Source> sources) {
        switch (command) {
            case WastCommand.ModuleCmd c -> sources.add(new Source(file, c.source()));
            case WastCommand.AssertInvalid c -> sources.add(new Source(file, c.module()));
            case WastCommand.AssertInvalidCustom c -> sources.add(new Source(file, c.module()));
            case WastCommand.AssertUnlinkable c -> sources.add(new Source(file, c.module()));
            case WastCommand.AssertUninstantiable c -> sources.add(new Source(file, c.module()));
            case WastCommand.AssertModuleTrap c -> sources.add(new Source(file, c.module()));
            case WastCommand.Thread t -> t.commands().forEach(inner -> collect(file, inner, sources));
            default -> { }
        }
    }

    private static List<Path> wastFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".wast")).sorted().toList();
        }
    }
}
