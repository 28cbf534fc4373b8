package dev.jawa.wasi;

import dev.jawa.CompiledModule;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.runtime.Memory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for one guest instance: all 46 functions, on
 * java.nio, with the file system confined to the preopened directories (see {@link Sandbox}).
 *
 * <pre>{@code
 * Linker linker = new Linker();
 * Wasi wasi = Wasi.addTo(linker, config);
 * Instance instance = module.instantiate(linker);
 * int exitCode = wasi.start(instance);   // attaches the memory, runs _start
 * }</pre>
 *
 * or in one call: {@code int exitCode = Wasi.run(module, config)}. One {@code Wasi} serves one
 * instance (its descriptors and memory are that instance's).
 */
public final class Wasi implements AutoCloseable {

    /** The import module name of WASI preview1. */
    public static final String MODULE = HostFunctions.MODULE;

    final WasiConfig config;
    final FdTable fds = new FdTable();
    final GuestMemory memory = new GuestMemory();
    private final List<String> functionNames;

    private Wasi(Linker linker, WasiConfig config) {
        this.config = config;
        fds.add(new StreamDescriptor(config.stdin, null, config.terminal));
        fds.add(new StreamDescriptor(null, config.stdout, config.terminal));
        fds.add(new StreamDescriptor(null, config.stderr, config.terminal));
        for (WasiConfig.Preopen p : config.preopens) {
            // A read-only preopen loses the rights that change the tree; its inheriting rights stay
            // whole so that wasi-libc (which trims what it asks for to them) still asks for FD_WRITE
            // when the program opens for writing, and path_open can refuse that open outright.
            long base = p.readOnly() ? Rights.DIRECTORY & ~Rights.DIRECTORY_WRITING : Rights.DIRECTORY;
            long inheriting = Rights.DIRECTORY | Rights.FILE;
            DirectoryDescriptor d = new DirectoryDescriptor(p.hostPath(), p.guestPath(), p.readOnly(), base, inheriting);
            d.handle = Sandbox.openHandle(p.hostPath());
            d.fd = Sandbox.openNativeRoot(p.hostPath());
            fds.add(d);
        }
        for (var s : config.sockets) {
            fds.add(s instanceof ServerSocketChannel l ? new ListenerDescriptor(l)
                    : new SocketDescriptor((SocketChannel) s, false));
        }
        HostFunctions h = new HostFunctions(linker);
        ProcessFunctions.define(this, h);
        FdFunctions.define(this, h);
        PathFunctions.define(this, h);
        PollFunction.define(this, h);
        SocketFunctions.define(this, h);
        this.functionNames = List.copyOf(h.names());
    }

    /**
     * Defines every WASI preview1 function on {@code linker}, for one instance configured by
     * {@code config}. Instantiate, then {@link #attach} the instance (or {@link #start} it).
     */
    public static Wasi addTo(Linker linker, WasiConfig config) {
        return new Wasi(linker, config);
    }

    /**
     * Instantiates {@code module} with WASI (and nothing else), runs its {@code _start} and returns
     * the exit code: proc_exit's, or 0 if {@code _start} returns.
     *
     * @throws dev.jawa.UnlinkableException if the module imports something else
     * @throws dev.jawa.Trap if the program traps
     */
    public static int run(CompiledModule module, WasiConfig config) {
        Linker linker = new Linker();
        try (Wasi wasi = addTo(linker, config)) {
            return wasi.start(module.instantiate(linker));
        }
    }

    /** The names of the functions this defines (46). */
    public List<String> functionNames() {
        return functionNames;
    }

    /** Gives the WASI functions the instance's exported memory ("memory"), which they read and write. */
    public Wasi attach(Instance instance) {
        if (instance.export("memory") instanceof Memory m) {
            memory.attach(m);
        }
        return this;
    }

    /**
     * Attaches {@code instance} and calls its {@code _start}: returns 0 when it returns, or the
     * code the guest passed to proc_exit. Flushes the configured output streams afterwards.
     *
     * @throws IllegalArgumentException if the instance exports no {@code _start}
     * @throws dev.jawa.Trap if the program traps
     */
    public int start(Instance instance) {
        attach(instance);
        try {
            instance.function("_start").call();
            return 0;
        } catch (WasiExitException | dev.jawa.HostException e) {
            java.util.OptionalInt code = WasiExitException.exitCodeOf(e);
            if (code.isEmpty()) {
                throw e;
            }
            return code.getAsInt();
        } finally {
            flush(config.stdout);
            flush(config.stderr);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            // Nothing to report it to: the guest is gone.
        }
    }

    /**
     * Closes every file, directory and accepted connection the guest still has open (not the host's
     * streams and the sockets it handed in).
     */
    @Override
    public void close() {
        for (Descriptor d : fds.all()) {
            if (d instanceof FileDescriptor || d instanceof DirectoryDescriptor
                    || (d instanceof SocketDescriptor s && s.accepted)) {
                try {
                    d.close();
                } catch (IOException e) {
                    // Closing a file read-only or already closed: nothing left to do.
                }
            }
        }
    }
}
