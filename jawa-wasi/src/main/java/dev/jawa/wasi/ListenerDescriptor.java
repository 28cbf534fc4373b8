package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/** A listening socket the host handed in: the guest accepts connections on it. */
final class ListenerDescriptor extends Descriptor {

    final ServerSocketChannel channel;

    ListenerDescriptor(ServerSocketChannel channel) {
        super(Rights.LISTENER, Rights.SOCKET);
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
