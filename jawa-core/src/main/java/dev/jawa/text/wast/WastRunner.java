package dev.jawa.text.wast;

import dev.jawa.MalformedTextException;
import dev.jawa.module.Module;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs .wast scripts, in one of two modes that share the dispatch and the tally:
 * <ul>
 *   <li><em>static</em> ({@link #staticChecks()}): everything that can be checked without
 *       executing anything, namely the formats checks (see {@link FormatsChecks}) and validation
 *       (see {@link ValidityChecks});</li>
 *   <li><em>formats-only</em> ({@link #formatsOnly()}): the formats checks alone, with validation
 *       outcomes counted as not run (to look at the parsers and printers by themselves).</li>
 * </ul>
 * Commands that need execution are counted as not run in both.
 *
 * <p>Dispatch is per command ({@link #run(WastCommand, FormatsChecks, ValidityChecks, CheckTally)}),
 * so that execution can plug in later: the commands now counted as not run (instantiating a
 * module, actions and the assertions about them, register, module instances, threads' wait, and
 * the linking or instantiation outcome of assert_unlinkable, assert_uninstantiable and module-form
 * assert_trap) get their own checks in the same switch, with the same tally.
 *
 * <p>The checks per command:
 * <ul>
 *   <li>every module the script holds outside {@code assert_malformed} and
 *       {@code assert_malformed_custom} is well-formed, so it gets a round trip (text: parse,
 *       encode, decode, print, parse, encode to identical bytes; binary: decode, encode, decode to
 *       an equal module);</li>
 *   <li>{@code module}, {@code assert_unlinkable}, {@code assert_uninstantiable}, module-form
 *       {@code assert_trap}: in static mode, the module is valid; then its instantiation (or the
 *       command's outcome) is counted as not run;</li>
 *   <li>{@code assert_invalid}: in static mode, validation rejects the module; whether the message
 *       starts with the expected text is counted separately;</li>
 *   <li>{@code assert_invalid_custom}: in static mode, the module is valid but its branch hints
 *       (the only custom section the testsuite asserts about) are not;</li>
 *   <li>{@code assert_malformed}, {@code assert_malformed_custom}: the module is rejected as
 *       malformed; whether the message starts with the expected text is counted separately;</li>
 *   <li>{@code thread}: its commands, as if at top level;</li>
 *   <li>everything else: not run.</li>
 * </ul>
 * In formats-only mode, each validation check above is counted as not run instead.
 */
public final class WastRunner {

    private final FormatsCodec codec;
    /** Validation, or null in formats-only mode. */
    private final Function<Module, ValidatedModule> validator;

    private WastRunner(FormatsCodec codec, Function<Module, ValidatedModule> validator) {
        this.codec = codec;
        this.validator = validator;
    }

    /**
     * A runner of the static checks (formats and validation) with Jawa's parser, printer,
     * decoder, encoder and {@link Validator}.
     */
    public static WastRunner staticChecks() {
        return new WastRunner(FormatsCodec.JAWA, Validator::validate);
    }

    /**
     * A runner of the static checks with other format operations or another validation (for
     * testing the runner, or for watching what validation produces). {@code validator} signals an
     * invalid module with {@link dev.jawa.InvalidModuleException}, like {@link Validator#validate}.
     */
    public static WastRunner staticChecks(FormatsCodec codec, Function<Module, ValidatedModule> validator) {
        return new WastRunner(codec, Objects.requireNonNull(validator, "validator"));
    }

    /** A runner of the formats checks alone, with Jawa's parser, printer, decoder and encoder. */
    public static WastRunner formatsOnly() {
        return new WastRunner(FormatsCodec.JAWA, null);
    }

    /** A runner of the formats checks alone with other format operations (for testing the runner). */
    public static WastRunner formatsOnly(FormatsCodec codec) {
        return new WastRunner(codec, null);
    }

    /** Whether this runner validates (static mode), or only checks formats. */
    public boolean validates() {
        return validator != null;
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
        ValidityChecks validity = validator != null ? new ValidityChecks(validator, name, tally) : null;
        for (WastCommand c : script.commands()) {
            run(c, checks, validity, tally);
        }
        return new WastRunnerFileResult(name, tally);
    }

    /** Runs one command; {@code validity} is null in formats-only mode. */
    private void run(WastCommand command, FormatsChecks checks, ValidityChecks validity, CheckTally tally) {
        switch (command) {
            case WastCommand.ModuleCmd c -> {
                usedAsValid(c.source(), checks, validity);
                tally.countNotRun(); // instantiation
            }
            case WastCommand.AssertMalformed c -> checks.malformed(c.module(), c.message(), CheckKind.MALFORMED);
            case WastCommand.AssertMalformedCustom c ->
                    checks.malformed(c.module(), c.message(), CheckKind.MALFORMED_CUSTOM);
            case WastCommand.AssertInvalid c -> {
                ModuleRead read = checks.wellFormed(c.module());
                if (validity != null) {
                    validity.invalid(c.module().line(), read, c.message());
                } else {
                    tally.countNotRun();
                }
            }
            case WastCommand.AssertInvalidCustom c -> {
                ModuleRead read = checks.wellFormed(c.module());
                if (validity != null) {
                    validity.invalidCustom(c.module().line(), read, c.message());
                } else {
                    tally.countNotRun();
                }
            }
            case WastCommand.AssertUnlinkable c -> usedAsValidNotRun(c.module(), checks, validity, tally);
            case WastCommand.AssertUninstantiable c -> usedAsValidNotRun(c.module(), checks, validity, tally);
            case WastCommand.AssertModuleTrap c -> usedAsValidNotRun(c.module(), checks, validity, tally);
            case WastCommand.Thread t -> {
                for (WastCommand inner : t.commands()) {
                    run(inner, checks, validity, tally);
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

    /**
     * A module that must be well-formed and, in static mode, valid. In formats-only mode its
     * validity is not a separate count: the command's own outcome, counted by the caller, needs it.
     */
    private static void usedAsValid(ModuleSource module, FormatsChecks checks, ValidityChecks validity) {
        ModuleRead read = checks.wellFormed(module);
        if (validity != null) {
            validity.valid(module.line(), read);
        }
    }

    /**
     * A module used as valid, in a command whose real outcome (linking, instantiation) needs
     * execution.
     */
    private static void usedAsValidNotRun(ModuleSource module, FormatsChecks checks, ValidityChecks validity,
            CheckTally tally) {
        usedAsValid(module, checks, validity);
        tally.countNotRun();
    }

    /** A script that could not be read or parsed: one failed check, at line 0 if unknown. */
    private static WastRunnerFileResult scriptFailure(String name, int line, String stage, String message) {
        CheckTally tally = new CheckTally();
        tally.fail(new CheckFailure(name, line, CheckKind.SCRIPT, stage, message));
        return new WastRunnerFileResult(name, tally);
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
