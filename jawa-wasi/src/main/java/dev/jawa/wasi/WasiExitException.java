package dev.jawa.wasi;

/**
 * The guest called {@code proc_exit} (or raised a terminating signal): thrown from the host
 * function, it unwinds every WebAssembly frame up to the embedder's call, which reads the
 * {@link #exitCode()}. It is one of Jawa's own exceptions, which host functions pass through
 * unwrapped; {@link #exitCodeOf} also finds it as the cause of a {@link dev.jawa.HostException}.
 * The instance should not be called again afterwards.
 */
public final class WasiExitException extends dev.jawa.WasmException {

    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("exit " + exitCode);
        this.exitCode = exitCode;
    }

    /**
     * The exit code carried by {@code t}: a WasiExitException itself or the cause of a
     * {@link dev.jawa.HostException}; empty for any other exception.
     */
    public static java.util.OptionalInt exitCodeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WasiExitException e) {
                return java.util.OptionalInt.of(e.exitCode());
            }
            if (!(c instanceof dev.jawa.HostException) && c != t) {
                break;
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** The exit code the guest asked for. */
    public int exitCode() {
        return exitCode;
    }
}
