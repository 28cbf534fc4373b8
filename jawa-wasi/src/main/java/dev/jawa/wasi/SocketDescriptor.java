package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** A connected stream socket the host handed in, or one sock_accept returned. */
final class SocketDescriptor extends Descriptor {

    final SocketChannel channel;
    /** Whether the guest made it (sock_accept), so that it is closed with the guest; the host's own sockets stay the host's. */
    final boolean accepted;

    SocketDescriptor(SocketChannel channel, boolean accepted) {
        super(Rights.SOCKET, 0);
        this.channel = channel;
        this.accepted = accepted;
    }

    @Override
    int filetype() {
        return FILETYPE_SOCKET_STREAM;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
