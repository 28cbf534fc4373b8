package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.InvalidModuleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's dispatch, checks and tally, with fake format operations. */
class WastRunnerTest {

    private static final String FILE = "dir/test.wast";

    private static ModuleSource.Quote quote(String text, int line) {
        return new ModuleSource.Quote(text, line);
    }

    private static ModuleSource.Text text(String source, int line) {
        return new ModuleSource.Text("  " + source + "  ", 2, 2 + source.length(), line);
    }

    private static ModuleSource.Binary binary(int line, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ModuleSource.Binary(b, line);
    }

    private static WastRunnerFileResult run(FormatsCodec codec, WastCommand... commands) {
        return WastRunner.formatsOnly(codec).run(new WastScript(FILE, "", List.of(commands)), FILE);
    }

    /**
     * Runs in static mode with the fake formats and a fake validation: a module whose content
     * holds {@code INVALID} is invalid ("type mismatch"), one holding {@code BOOM} makes the
     * validator throw an IllegalStateException.
     */
    private static WastRunnerFileResult runStatic(WastCommand... commands) {
        WastRunner runner = WastRunner.staticChecks(new FormatsFakeCodec(), m -> {
            String content = new String(m.customSections().getFirst().content(), StandardCharsets.UTF_8);
            if (content.contains("INVALID")) {
                throw new InvalidModuleException("type mismatch", 0, 3);
            }
            if (content.contains("BOOM")) {
                throw new IllegalStateException("validator bug");
            }
            return null;
        });
        assertTrue(runner.validates());
        return runner.run(new WastScript(FILE, "", List.of(commands)), FILE);
    }

    private static Action invoke(int line) {
        return new Action.Invoke(line, null, "f", List.of());
    }

    @Test
    void dispatchesEveryCommandKind() {
        WastRunnerFileResult r = run(new FormatsFakeCodec(),
                new WastCommand.ModuleCmd(1, "$m", false, text("(module)", 1)),
                new WastCommand.ModuleCmd(2, null, true, binary(2, 0, 'a', 's', 'm')),
                new WastCommand.Register(3, "m", "$m"),
                new WastCommand.ModuleInstance(4, "$i", "$m"),
                new WastCommand.ActionCmd(5, invoke(5)),
                new WastCommand.AssertReturn(6, invoke(6), List.of()),
                new WastCommand.AssertTrap(7, invoke(7), "unreachable"),
                new WastCommand.AssertExhaustion(8, invoke(8), "call stack exhausted"),
                new WastCommand.AssertException(9, invoke(9)),
                new WastCommand.AssertMalformed(10, quote("BAD", 10), "unexpected token"),
                new WastCommand.AssertMalformed(11, binary(11, 0xFF), "unexpected end of section"),
                new WastCommand.AssertMalformedCustom(12, quote("(@custom BAD)", 12), "malformed annotation"),
                new WastCommand.AssertInvalid(13, quote("(module (func))", 13), "type mismatch"),
                new WastCommand.AssertInvalidCustom(14, binary(14, 1, 2), "invalid custom"),
                new WastCommand.AssertUnlinkable(15, text("(module (import \"a\" \"b\"))", 15), "unknown import"),
                new WastCommand.AssertUninstantiable(16, text("(module (start 0))", 16), "unreachable"),
                new WastCommand.AssertModuleTrap(17, binary(17, 3), "out of bounds"),
                new WastCommand.Thread(18, "$t", List.of("$m"), List.of(
                        new WastCommand.ModuleCmd(19, null, false, quote("(module)", 19)),
                        new WastCommand.AssertReturn(20, invoke(20), List.of()))),
                new WastCommand.Wait(21, "$t"));

        CheckTally t = r.tally();
        assertEquals(List.of(), t.failures());
        // Round trips: lines 1, 2, 13, 14, 15, 16, 17, 19; rejections: 10, 11, 12.
        assertEquals(11, t.passed());
        assertEquals(0, t.failed());
        assertEquals(3, t.rejections());
        // "unexpected end" does not start with "unexpected end of section"; the annotation's does not match.
        assertEquals(1, t.rejectionsWithExpectedMessage());
        // Instantiations (1, 2, 19), register, instance, 5 action commands, 20, wait, and the
        // outcomes of 13-17.
        assertEquals(3 + 2 + 5 + 1 + 1 + 5, t.notRun());
        assertEquals(FILE + ": 11 passed, 0 failed", r.summaryLine());
    }

    @Test
    void staticModeChecksValidityWhereFormatsOnlyCountsItAsNotRun() {
        WastCommand[] commands = {
            new WastCommand.ModuleCmd(1, null, false, text("(module)", 1)),
            new WastCommand.AssertInvalid(2, quote("(module INVALID)", 2), "type mismatch"),
            new WastCommand.AssertInvalid(3, quote("(module INVALID)", 3), "unknown local"),
            new WastCommand.AssertUnlinkable(4, binary(4, 0, 'a', 's', 'm'), "unknown import"),
            new WastCommand.AssertUninstantiable(5, text("(module (start 0))", 5), "unreachable"),
            new WastCommand.AssertModuleTrap(6, text("(module)", 6), "out of bounds"),
            new WastCommand.Thread(7, "$t", List.of(), List.of(
                    new WastCommand.ModuleCmd(8, null, true, quote("(module)", 8)))),
        };
        CheckTally formats = run(new FormatsFakeCodec(), commands).tally();
        assertEquals(7, formats.passed());
        // Instantiations (1, 8), the outcomes of 2 to 6.
        assertEquals(2 + 5, formats.notRun());

        CheckTally t = runStatic(commands).tally();
        assertEquals(List.of(), t.failures());
        // 7 round trips, 5 modules used as valid, 2 rejections.
        assertEquals(7 + 5 + 2, t.passed());
        assertEquals(2, t.invalidRejections());
        assertEquals(1, t.invalidRejectionsWithExpectedMessage());
        assertEquals(0, t.rejections());
        // Instantiations (1, 8), and linking, instantiation, the start trap (4 to 6).
        assertEquals(2 + 3, t.notRun());
    }

    @Test
    void staticModeFailures() {
        WastRunnerFileResult r = runStatic(
                new WastCommand.ModuleCmd(1, null, false, text("(module INVALID)", 1)),
                new WastCommand.AssertInvalid(2, quote("(module)", 3), "type mismatch"),
                new WastCommand.AssertInvalid(4, quote("(module BAD)", 4), "type mismatch"),
                new WastCommand.AssertTrap(5, invoke(5), "unreachable"),
                new WastCommand.AssertModuleTrap(6, binary(6, 0xFF), "unreachable"),
                new WastCommand.AssertInvalid(7, quote("(module BOOM)", 7), "type mismatch"),
                new WastCommand.AssertInvalidCustom(8, quote("(module)", 8), "invalid target"),
                new WastCommand.AssertInvalidCustom(9, quote("(module INVALID)", 9), "invalid target"));
        List<String> keys = r.tally().failures().stream().map(f -> f.key() + ": " + f.stage()).toList();
        assertEquals(List.of(
                FILE + ":1 valid: validate",
                FILE + ":3 invalid: validate",
                FILE + ":4 text-roundtrip: parse",
                FILE + ":4 invalid: parse",
                FILE + ":6 binary-roundtrip: decode",
                FILE + ":6 valid: decode",
                FILE + ":7 invalid: validate",
                FILE + ":8 invalid-custom: custom",
                FILE + ":9 invalid-custom: validate"), keys);
        List<String> messages = r.tally().failures().stream().map(CheckFailure::message).toList();
        assertEquals("rejected a valid module: type mismatch (in function 0 at code offset 3)", messages.get(0));
        assertEquals("accepted an invalid module (expected \"type mismatch\")", messages.get(1));
        assertEquals("expected an invalid-module rejection (\"type mismatch\"), but the module is not"
                + " well-formed: unexpected token (at 1:9)", messages.get(3));
        assertTrue(messages.get(6).contains("IllegalStateException: validator bug"), messages.get(6));
        assertEquals("accepted an invalid custom section (expected \"invalid target\")", messages.get(7));
        assertTrue(messages.get(8).startsWith("rejected the module itself"), messages.get(8));
        assertEquals(0, r.tally().invalidRejections());
    }

    @Test
    void staticModeWithTheRealEngine() {
        String script = """
                (module (func (param i32) (block (local.get 0) (@metadata.code.branch_hint "\\01") (br_if 0))))
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_invalid_custom
                  (module (func (param i32) (result i32) (local.get 0) (@metadata.code.branch_hint "\\01") (i32.eqz)))
                  "@metadata.code.branch_hint annotation: invalid target")
                (module (func (param i32) (result i32) (local.get 0) (@metadata.code.branch_hint "\\01") (i32.eqz)))
                """;
        CheckTally t = WastRunner.staticChecks().runSource(script, FILE).tally();
        assertEquals(List.of(FILE + ":6 valid: custom: rejected the branch hints of a valid module:"
                + " @metadata.code.branch_hint annotation: invalid target (in function 0 at code offset 2)"),
                t.failures().stream().map(CheckFailure::describe).toList());
        // 4 round trips, 1 valid module, 2 rejections.
        assertEquals(4 + 1 + 2, t.passed());
        assertEquals(2, t.invalidRejections());
        assertEquals(2, t.invalidRejectionsWithExpectedMessage());
    }

    @Test
    void acceptingAMalformedModuleFails() {
        WastRunnerFileResult r = run(new FormatsFakeCodec(),
                new WastCommand.AssertMalformed(7, quote("(module)", 8), "unknown operator"));
        assertEquals(0, r.tally().passed());
        assertEquals(1, r.tally().failed());
        CheckFailure f = r.tally().failures().getFirst();
        assertEquals(FILE + ":8 malformed", f.key());
        assertEquals("parse", f.stage());
        assertTrue(f.message().contains("accepted"), f.message());
        assertEquals(0, r.tally().rejections());
    }

    @Test
    void aMalformedModuleRejectedWithTheWrongExceptionFails() {
        WastRunnerFileResult r = run(new FormatsFakeCodec(),
                new WastCommand.AssertMalformed(3, quote("CRASH", 3), "unknown operator"));
        CheckFailure f = r.tally().failures().getFirst();
        assertEquals(CheckKind.MALFORMED, f.check());
        assertTrue(f.message().contains("IllegalStateException: boom"), f.message());
        assertEquals(0, r.tally().rejections());
    }

    @Test
    void aRoundTripFailureNamesTheStage() {
        WastRunnerFileResult parse = run(new FormatsFakeCodec(),
                new WastCommand.ModuleCmd(4, null, false, text("(module BAD)", 4)));
        CheckFailure f = parse.tally().failures().getFirst();
        assertEquals(FILE + ":4 text-roundtrip", f.key());
        assertEquals("parse", f.stage());
        assertEquals("unexpected token (at 1:9)", f.message());

        WastRunnerFileResult lossy = run(new FormatsFakeCodec(s -> s.replace("x", "")),
                new WastCommand.ModuleCmd(5, null, false, text("(module x)", 5)));
        f = lossy.tally().failures().getFirst();
        assertEquals("compare", f.stage());
        assertTrue(f.message().startsWith("the second encoding differs: at byte 0x8"), f.message());

        WastRunnerFileResult unparsable = run(new FormatsFakeCodec(s -> "(module\n  BAD here)"),
                new WastCommand.AssertInvalid(6, quote("(module)", 6), "type mismatch"));
        f = unparsable.tally().failures().getFirst();
        assertEquals("reparse", f.stage());
        assertTrue(f.message().endsWith("in printed line 1: (module"), f.message());
    }

    @Test
    void aBinaryRoundTripFailureNamesTheStage() {
        WastRunnerFileResult r = run(new FormatsFakeCodec(),
                new WastCommand.AssertUnlinkable(9, binary(9, 0xFF, 1), "unknown import"));
        CheckFailure f = r.tally().failures().getFirst();
        assertEquals(FILE + ":9 binary-roundtrip", f.key());
        assertEquals("decode", f.stage());
        assertEquals("unexpected end (at byte offset 0)", f.message());
        assertEquals(1, r.tally().notRun());
    }

    @Test
    void anUnparsableScriptIsOneFailedScriptCheck() {
        // With the real script parser: an unclosed form is malformed.
        WastRunnerFileResult r = WastRunner.formatsOnly(new FormatsFakeCodec()).runSource("(module", FILE);
        assertEquals(0, r.tally().passed());
        assertEquals(1, r.tally().failed());
        assertEquals(CheckKind.SCRIPT, r.tally().failures().getFirst().check());
        assertEquals("parse", r.tally().failures().getFirst().stage());
    }

    @Test
    void anUnreadableScriptIsOneFailedScriptCheck(@TempDir Path dir) throws IOException {
        Path bad = Files.write(dir.resolve("bad.wast"), new byte[] {'(', (byte) 0xC0, ')'});
        WastRunnerFileResult r = WastRunner.formatsOnly().runFile(bad, "bad.wast");
        assertEquals(List.of(new CheckFailure("bad.wast", 0, CheckKind.SCRIPT, "read", "malformed UTF-8 encoding")),
                r.tally().failures());

        WastRunnerFileResult missing = WastRunner.formatsOnly().runFile(dir.resolve("none.wast"), "none.wast");
        assertEquals(1, missing.tally().failed());
        assertTrue(missing.tally().failures().getFirst().message().contains("NoSuchFileException"));
    }

    @Test
    void listsTheWastFilesOfOneDirectorySorted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.wast"), "");
        Files.writeString(dir.resolve("a.wast"), "");
        Files.writeString(dir.resolve("c.wat"), "");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/d.wast"), "", StandardCharsets.UTF_8);
        assertEquals(List.of(dir.resolve("a.wast"), dir.resolve("b.wast")), WastRunner.wastFiles(dir));
    }
}
