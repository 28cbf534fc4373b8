package dev.jawa;

/** The base of every exception Jawa throws for bad input or a failed WebAssembly operation. */
public class WasmException extends RuntimeException {

    public WasmException(String message) {
        super(message);
    }

    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * For exceptions used as control flow, such as a host function ending the program: without
     * a Java stack trace if {@code writableStackTrace} is false. Host functions may throw any
     * {@code WasmException}: it unwinds the WebAssembly frames and reaches the embedder as it
     * is, where any other exception becomes a {@link HostException}.
     */
    protected WasmException(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        super(message, cause, enableSuppression, writableStackTrace);
    }
}
