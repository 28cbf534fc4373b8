package dev.jawa.wasi;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a WASI guest sees of the world: its arguments and environment, its standard streams, the
 * directories it may use (and nothing else of the file system), the sockets the host hands it,
 * its clocks and its random source. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * WasiConfig config = WasiConfig.builder()
 *         .args("prog", "--verbose")
 *         .env("HOME", "/home")
 *         .stdin("input".getBytes())
 *         .stdout(capture)                       // an OutputStream
 *         .preopen(Path.of("data"), "/data")
 *         .preopenReadOnly(Path.of("lib"), "/lib")
 *         .build();
 * }</pre>
 */
public final class WasiConfig {

    /** A host directory the guest sees as {@code guestPath}. */
    public record Preopen(Path hostPath, String guestPath, boolean readOnly) {
    }

    final List<String> args;
    final Map<String, String> env;
    final InputStream stdin;
    final OutputStream stdout;
    final OutputStream stderr;
    final List<Preopen> preopens;
    final List<NetworkChannel> sockets;
    final WasiClock clock;
    final RandomGenerator random;
    final boolean terminal;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = new LinkedHashMap<>(b.env);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.preopens = List.copyOf(b.preopens);
        this.sockets = List.copyOf(b.sockets);
        this.clock = b.clock;
        this.random = b.random;
        this.terminal = b.terminal;
    }

    /** A builder with no arguments, no environment, empty stdin, discarded output, no preopens. */
    public static Builder builder() {
        return new Builder();
    }

    /** The guest's arguments, the program name first. */
    public List<String> args() {
        return args;
    }

    /** The guest's environment. */
    public Map<String, String> env() {
        return java.util.Collections.unmodifiableMap(env);
    }

    /** The preopened directories, in the order the guest sees them (fd 3 onwards). */
    public List<Preopen> preopens() {
        return preopens;
    }

    /** Builds a {@link WasiConfig}. */
    public static final class Builder {

        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private final List<Preopen> preopens = new ArrayList<>();
        private final List<NetworkChannel> sockets = new ArrayList<>();
        private WasiClock clock = WasiClock.system();
        private RandomGenerator random = new SecureRandom();
        private boolean terminal;

        private Builder() {
        }

        /** Replaces the arguments (the first is the program name, as in C's argv). */
        public Builder args(String... args) {
            return args(List.of(args));
        }

        /** Replaces the arguments (the first is the program name, as in C's argv). */
        public Builder args(List<String> args) {
            this.args.clear();
            this.args.addAll(args);
            return this;
        }

        /** Adds (or replaces) one environment variable. */
        public Builder env(String name, String value) {
            if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("bad environment variable: " + name);
            }
            env.put(name, value);
            return this;
        }

        /** Adds the host process's whole environment. */
        public Builder inheritEnv() {
            System.getenv().forEach(this::env);
            return this;
        }

        /** Standard input from a byte array. */
        public Builder stdin(byte[] data) {
            this.stdin = new ByteArrayInputStream(data.clone());
            return this;
        }

        /** Standard input from a stream (read on demand, never closed by the guest). */
        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in);
            return this;
        }

        /** Standard output to a stream (a {@link java.io.ByteArrayOutputStream} captures it). */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out);
            return this;
        }

        /** Standard error to a stream. */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err);
            return this;
        }

        /**
         * The host process's standard input, output and error (unbuffered, straight to the OS). The
         * guest sees them as a terminal (a character device, so isatty() is true) when the JVM
         * runs in one, else as streams of unknown type (pipes and files: isatty() is false).
         */
        public Builder inheritStdio() {
            this.stdin = new FileInputStream(FileDescriptor.in);
            this.stdout = new FileOutputStream(FileDescriptor.out);
            this.stderr = new FileOutputStream(FileDescriptor.err);
            java.io.Console console = System.console();
            this.terminal = console != null && console.isTerminal();
            return this;
        }

        /** Gives the guest the host directory {@code host}, which it sees as {@code guestPath}. */
        public Builder preopen(Path host, String guestPath) {
            return preopen(host, guestPath, false);
        }

        /** Like {@link #preopen(Path, String)}, but the guest can only read (no write, create, remove, rename...). */
        public Builder preopenReadOnly(Path host, String guestPath) {
            return preopen(host, guestPath, true);
        }

        private Builder preopen(Path host, String guestPath, boolean readOnly) {
            try {
                Path real = host.toRealPath();
                if (!java.nio.file.Files.isDirectory(real)) {
                    throw new IllegalArgumentException("not a directory: " + host);
                }
                preopens.add(new Preopen(real, guestPath, readOnly));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot preopen " + host, e);
            }
            return this;
        }

        /**
         * Hands the guest a socket: a {@link ServerSocketChannel} (sock_accept) or a connected
         * {@link SocketChannel} (sock_recv, sock_send, sock_shutdown). Sockets get descriptors
         * after the preopens.
         */
        public Builder socket(NetworkChannel channel) {
            if (!(channel instanceof ServerSocketChannel) && !(channel instanceof SocketChannel)) {
                throw new IllegalArgumentException("only ServerSocketChannel and SocketChannel: " + channel);
            }
            sockets.add(channel);
            return this;
        }

        /** The clocks (default: the host's; {@link WasiClock#virtual(long)} for determinism). */
        public Builder clock(WasiClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The random source of random_get (default: SecureRandom; a seeded generator for determinism). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** The configuration. */
        public WasiConfig build() {
            return new WasiConfig(this);
        }
    }
}
