package dev.jawa.wasi;

/**
 * A WASI call's failure with an errno: thrown inside the host functions and turned into the
 * function's result, so it never reaches the guest or the embedder as an exception.
 */
final class WasiError extends RuntimeException {

    final int errno;

    WasiError(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }
}
