package dev.jawa.wasi;

import dev.jawa.Tier;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * sockets.c gets a listening socket from the host as fd 3, accepts a connection, echoes what it
 * receives in upper case and shuts its side down; a Java client talks to it.
 */
class SocketTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void guestAcceptsReceivesSendsAndShutsDown(Tier tier) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String message = "hello from the host, ".repeat(50);
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
                    client.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
                    client.shutdownOutput();
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    ByteBuffer buf = ByteBuffer.allocate(4096);
                    while (client.read(buf) > 0) {
                        got.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    return got.toString(StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ProgramRun.Result r = new ProgramRun("sockets").socket(listener).on(tier).exec();
            assertEquals(ProgramRun.expected("sockets"), r.stdout());
            assertEquals(0, r.exitCode());
            assertEquals(message.toUpperCase(java.util.Locale.ROOT), reply.get(30, TimeUnit.SECONDS));
        }
    }
}
