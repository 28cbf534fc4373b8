package dev.jawa.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/** A standard stream: stdin reads from an InputStream, stdout and stderr write to an OutputStream. */
final class StreamDescriptor extends Descriptor {

    final InputStream in;
    final OutputStream out;

    StreamDescriptor(InputStream in, OutputStream out) {
        super(in != null ? Rights.STREAM & ~Rights.FD_WRITE : Rights.STREAM & ~Rights.FD_READ, 0);
        this.in = in;
        this.out = out;
    }

    @Override
    int filetype() {
        return FILETYPE_CHARACTER_DEVICE;
    }

    @Override
    void close() {
        // The host owns its streams: closing the guest's descriptor does not close them.
    }
}
