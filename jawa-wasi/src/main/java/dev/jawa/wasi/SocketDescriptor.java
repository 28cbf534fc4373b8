package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** A connected stream socket the host handed in, or one sock_accept returned. */
final class SocketDescriptor extends Descriptor {

    final SocketChannel channel;

    SocketDescriptor(SocketChannel channel) {
        super(Rights.SOCKET, 0);
        this.channel = channel;
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
