package dev.jawa;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.interp.Interpreter;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.text.TextParser;
import dev.jawa.validate.Validator;

/**
 * The entry point of the embedding API: compiles modules, which are then instantiated any number
 * of times. An engine is thread-safe and holds no per-instance state; it decides how WebAssembly
 * code runs ({@link Tier}: by default {@link Tier#AUTO}, the interpreter, then compiled code for
 * what gets hot).
 *
 * <pre>{@code
 * Engine engine = new Engine();
 * CompiledModule module = engine.compile(Files.readAllBytes(path));
 * Instance instance = module.instantiate(new Linker());
 * long sum = instance.function("add").call(2, 3)[0];
 * }</pre>
 */
public final class Engine {

    private final ExecutionTier tier;

    /**
     * An engine running code in the default tier ({@link Tier#AUTO}, unless the system property
     * {@code jawa.tier} names another) with the default call-depth limit.
     */
    public Engine() {
        this(Tier.parse(System.getProperty("jawa.tier", "auto")), Interpreter.DEFAULT_MAX_DEPTH);
    }

    /**
     * An engine running code on the interpreter ({@link Tier#INTERP}), whose WebAssembly calls may
     * nest {@code maxCallDepth} deep; one more traps with "call stack exhausted". (The bound is
     * exact only on the interpreter: compiled code is bounded by the JVM thread's stack.)
     */
    public Engine(int maxCallDepth) {
        this(Tier.INTERP, maxCallDepth);
    }

    /**
     * An engine running code on {@code tier}; {@code maxCallDepth} bounds nested calls on the
     * interpreter (compiled code is bounded by the JVM thread's stack instead).
     */
    public Engine(Tier tier, int maxCallDepth) {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
        }
        this.tier = tier.create(maxCallDepth);
    }

    /** An engine running code on {@code tier} with the default call-depth limit. */
    public Engine(Tier tier) {
        this(tier, Interpreter.DEFAULT_MAX_DEPTH);
    }

    /**
     * Decodes and validates a binary module.
     *
     * @throws MalformedModuleException if the bytes are not a well-formed module
     * @throws InvalidModuleException if the module is not valid
     */
    public CompiledModule compile(byte[] wasm) {
        dev.jawa.validate.ValidatedModule module = Validator.validate(BinaryDecoder.decode(wasm));
        dev.jawa.jit.CodeCache.remember(module, wasm);
        return new CompiledModule(this, module);
    }

    /**
     * Reads a module from a file: an archive written by {@code jawa compile} (its compiled code is
     * used as it is, nothing is compiled again) or a binary module.
     *
     * @throws java.io.IOException if the file cannot be read
     * @throws MalformedModuleException if the file is neither a well-formed module nor an archive
     * @throws InvalidModuleException if the module is not valid
     */
    public CompiledModule load(java.nio.file.Path file) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        return dev.jawa.jit.AotArchive.isArchive(bytes)
                ? new CompiledModule(this, dev.jawa.jit.AotArchive.load(bytes)) : compile(bytes);
    }

    /**
     * Parses and validates a module in the text format.
     *
     * @throws MalformedTextException if the text is not a well-formed module
     * @throws InvalidModuleException if the module is not valid
     */
    public CompiledModule compileText(String wat) {
        return new CompiledModule(this, Validator.validate(TextParser.parseModule(wat)));
    }

    ExecutionTier tier() {
        return tier;
    }
}
