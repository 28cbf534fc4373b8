package dev.jawa.wasi;

/**
 * The guest called {@code proc_exit} (or raised a terminating signal): thrown from the host
 * function, it unwinds every WebAssembly frame up to the embedder's call, which reads the
 * {@link #exitCode()}. The instance should not be called again afterwards.
 */
public final class WasiExitException extends dev.jawa.WasmException {

    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("exit " + exitCode);
        this.exitCode = exitCode;
    }

    /** The exit code the guest asked for. */
    public int exitCode() {
        return exitCode;
    }
}
