package dev.jawa.jit;

import dev.jawa.WasmException;

/**
 * A function the compiler cannot fit into the JVM's limits yet (a method's 64 KiB of bytecode,
 * 65,535 locals). Thrown when the function is called, like an unsupported instruction.
 */
public final class CompileLimitException extends WasmException {

    public CompileLimitException(String message) {
        super(message);
    }
}
