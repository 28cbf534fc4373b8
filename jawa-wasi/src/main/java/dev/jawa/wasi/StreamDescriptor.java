package dev.jawa.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A standard stream: stdin reads from an InputStream, stdout and stderr write to an OutputStream.
 * It is a character device when it is a terminal, else of unknown type (WASI has no pipe type),
 * which is how wasi-libc's isatty() tells them apart.
 */
final class StreamDescriptor extends Descriptor {

    final InputStream in;
    final OutputStream out;

    final boolean terminal;

    StreamDescriptor(InputStream in, OutputStream out, boolean terminal) {
        super(in != null ? Rights.STREAM & ~Rights.FD_WRITE : Rights.STREAM & ~Rights.FD_READ, 0);
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    int filetype() {
        return terminal ? FILETYPE_CHARACTER_DEVICE : FILETYPE_UNKNOWN;
    }

    @Override
    void close() {
        // The host owns its streams: closing the guest's descriptor does not close them.
    }
}
