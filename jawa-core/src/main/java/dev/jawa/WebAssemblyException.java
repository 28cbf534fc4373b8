package dev.jawa;

import dev.jawa.runtime.ExceptionInstance;

/**
 * A WebAssembly exception ({@code throw}, {@code throw_ref}) that no handler caught: it ends the
 * embedder's call. Inside WebAssembly code the same object carries the exception between frames,
 * so it records no Java stack trace (which would cost more than the throw itself).
 */
public class WebAssemblyException extends WasmException {

    private final transient ExceptionInstance exception;

    public WebAssemblyException(ExceptionInstance exception) {
        super("uncaught WebAssembly exception");
        this.exception = exception;
    }

    /** The exception instance: its tag and payload. */
    public ExceptionInstance exception() {
        return exception;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
