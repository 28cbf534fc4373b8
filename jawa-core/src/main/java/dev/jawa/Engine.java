package dev.jawa;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.interp.Interpreter;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.text.TextParser;
import dev.jawa.validate.Validator;

/**
 * The entry point of the embedding API: compiles modules, which are then instantiated any number
 * of times. An engine is thread-safe and holds no per-instance state; it decides how WebAssembly
 * code runs (for now always on the interpreter).
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

    /** An engine running code on the interpreter with the default call-depth limit. */
    public Engine() {
        this(Interpreter.DEFAULT_MAX_DEPTH);
    }

    /**
     * An engine whose WebAssembly calls may nest {@code maxCallDepth} deep; one more traps with
     * "call stack exhausted".
     */
    public Engine(int maxCallDepth) {
        if (maxCallDepth < 1) {
            throw new IllegalArgumentException("maxCallDepth must be positive: " + maxCallDepth);
        }
        this.tier = new Interpreter(maxCallDepth);
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
        return new CompiledModule(this, Validator.validate(BinaryDecoder.decode(wasm)));
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
