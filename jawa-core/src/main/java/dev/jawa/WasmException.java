package dev.jawa;

/** The base of every exception Jawa throws for bad input or a failed WebAssembly operation. */
public class WasmException extends RuntimeException {

    public WasmException(String message) {
        super(message);
    }

    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
