package dev.jawa.text.wast;

import dev.jawa.MalformedTextException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs .wast scripts. For now only in <em>formats-only</em> mode: every module the script holds
 * is checked against the binary and text formats (see {@link FormatsChecks}), and commands that
 * need validation or execution are counted as not run.
 *
 * <p>Dispatch is per command ({@link #run(WastCommand, FormatsChecks, CheckTally)}), so that
 * execution can plug in later: the commands now counted as not run (instantiating a module,
 * actions and the assertions about them, register, module instances, threads' wait, and the
 * validation or linking outcome of assert_invalid, assert_unlinkable, assert_uninstantiable and
 * module-form assert_trap) get their own checks in the same switch, with the same tally.
 *
 * <p>The checks per command:
 * <ul>
 *   <li>{@code module}, {@code assert_invalid}, {@code assert_invalid_custom},
 *       {@code assert_unlinkable}, {@code assert_uninstantiable}, module-form {@code assert_trap}:
 *       the module is well-formed, so it gets a round trip (text: parse, encode, decode, print,
 *       parse, encode to identical bytes; binary: decode, encode, decode to an equal module);
 *       the command's own outcome is counted as not run;</li>
 *   <li>{@code assert_malformed}, {@code assert_malformed_custom}: the module is rejected as
 *       malformed; whether the message starts with the expected text is counted separately;</li>
 *   <li>{@code thread}: its commands, as if at top level;</li>
 *   <li>everything else: not run.</li>
 * </ul>
 */
public final class WastRunner {

    private final FormatsCodec codec;

    private WastRunner(FormatsCodec codec) {
        this.codec = codec;
    }

    /** A runner of the formats checks with Jawa's parser, printer, decoder and encoder. */
    public static WastRunner formatsOnly() {
        return new WastRunner(FormatsCodec.JAWA);
    }

    /** A runner of the formats checks with other format operations (for testing the runner). */
    public static WastRunner formatsOnly(FormatsCodec codec) {
        return new WastRunner(codec);
    }

    /**
     * Reads and runs the script at {@code path}; {@code name} is how reports name the file (and
     * what the known-failures file lists). A file that cannot be read or parsed as a script is
     * one failed {@link CheckKind#SCRIPT} check.
     */
    public WastRunnerFileResult runFile(Path path, String name) {
        String source;
        try {
            source = readUtf8(Files.readAllBytes(path));
        } catch (CharacterCodingException e) {
            return scriptFailure(name, 0, "read", "malformed UTF-8 encoding");
        } catch (IOException e) {
            return scriptFailure(name, 0, "read", e.toString());
        }
        return runSource(source, name);
    }

    /** Parses and runs a script given as text. */
    public WastRunnerFileResult runSource(String source, String name) {
        WastScript script;
        try {
            script = WastParser.parse(source, name);
        } catch (MalformedTextException e) {
            return scriptFailure(name, e.line(), "parse", e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return scriptFailure(name, 0, "parse", FormatsChecks.describe(e));
        }
        return run(script, name);
    }

    /** Runs a parsed script; {@code name} is how reports name it. */
    public WastRunnerFileResult run(WastScript script, String name) {
        CheckTally tally = new CheckTally();
        FormatsChecks checks = new FormatsChecks(codec, name, tally);
        for (WastCommand c : script.commands()) {
            run(c, checks, tally);
        }
        return new WastRunnerFileResult(name, tally);
    }

    private void run(WastCommand command, FormatsChecks checks, CheckTally tally) {
        switch (command) {
            case WastCommand.ModuleCmd c -> {
                checks.wellFormed(c.source());
                tally.countNotRun(); // instantiation
            }
            case WastCommand.AssertMalformed c -> checks.malformed(c.module(), c.message(), CheckKind.MALFORMED);
            case WastCommand.AssertMalformedCustom c ->
                    checks.malformed(c.module(), c.message(), CheckKind.MALFORMED_CUSTOM);
            case WastCommand.AssertInvalid c -> wellFormedNotRun(c.module(), checks, tally);
            case WastCommand.AssertInvalidCustom c -> wellFormedNotRun(c.module(), checks, tally);
            case WastCommand.AssertUnlinkable c -> wellFormedNotRun(c.module(), checks, tally);
            case WastCommand.AssertUninstantiable c -> wellFormedNotRun(c.module(), checks, tally);
            case WastCommand.AssertModuleTrap c -> wellFormedNotRun(c.module(), checks, tally);
            case WastCommand.Thread t -> {
                for (WastCommand inner : t.commands()) {
                    run(inner, checks, tally);
                }
            }
            case WastCommand.ModuleInstance c -> tally.countNotRun();
            case WastCommand.Register c -> tally.countNotRun();
            case WastCommand.ActionCmd c -> tally.countNotRun();
            case WastCommand.AssertReturn c -> tally.countNotRun();
            case WastCommand.AssertTrap c -> tally.countNotRun();
            case WastCommand.AssertExhaustion c -> tally.countNotRun();
            case WastCommand.AssertException c -> tally.countNotRun();
            case WastCommand.Wait c -> tally.countNotRun();
        }
    }

    /** A script that could not be read or parsed: one failed check, at line 0 if unknown. */
    private static WastRunnerFileResult scriptFailure(String name, int line, String stage, String message) {
        CheckTally tally = new CheckTally();
        tally.fail(new CheckFailure(name, line, CheckKind.SCRIPT, stage, message));
        return new WastRunnerFileResult(name, tally);
    }

    /** A module that must be well-formed, in a command whose real outcome needs more than formats. */
    private static void wellFormedNotRun(ModuleSource module, FormatsChecks checks, CheckTally tally) {
        checks.wellFormed(module);
        tally.countNotRun();
    }

    /**
     * The {@code *.wast} files directly in {@code dir}, sorted by name. Subdirectories are not
     * searched: in the spec testsuite they hold proposals, most of which are out of scope, so a
     * caller names each directory it wants.
     */
    public static List<Path> wastFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".wast") && Files.isRegularFile(p))
                    .forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** Strict UTF-8: a script with malformed UTF-8 is rejected, not silently repaired. */
    private static String readUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
