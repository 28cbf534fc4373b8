package dev.jawa.wasi;

import dev.jawa.Linker;
import dev.jawa.Trap;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines WASI functions on a Linker from a compact signature ("i" for i32, "I" for i64 per
 * parameter; every function returns an i32 errno). The body returns the errno; WASI failures
 * thrown as {@link WasiError}, Java I/O exceptions and out-of-bounds guest pointers all become
 * errnos here, so no host exception reaches the guest except {@link WasiExitException}.
 */
final class HostFunctions {

    static final String MODULE = "wasi_snapshot_preview1";

    /** A WASI function's code: reads its arguments from {@code args} and returns the errno. */
    @FunctionalInterface
    interface Body {
        int call(long[] args) throws IOException;
    }

    private final Linker linker;
    private final List<String> names = new ArrayList<>();

    HostFunctions(Linker linker) {
        this.linker = linker;
    }

    /** The names defined so far. */
    List<String> names() {
        return names;
    }

    void define(String name, String signature, Body body) {
        List<ValType> params = new ArrayList<>();
        for (char c : signature.toCharArray()) {
            params.add(c == 'I' ? NumType.I64 : NumType.I32);
        }
        names.add(name);
        linker.function(MODULE, name, new FuncType(params, List.of(NumType.I32)), (values, refs) -> {
            values[0] = run(body, values);
        });
    }

    /** Defines a function with no result (proc_exit). */
    void defineVoid(String name, String signature, Body body) {
        List<ValType> params = new ArrayList<>();
        for (char c : signature.toCharArray()) {
            params.add(c == 'I' ? NumType.I64 : NumType.I32);
        }
        names.add(name);
        linker.function(MODULE, name, new FuncType(params, List.of()), (values, refs) -> run(body, values));
    }

    static int run(Body body, long[] args) {
        try {
            return body.call(args);
        } catch (WasiError e) {
            return e.errno;
        } catch (WasiExitException e) {
            throw e;
        } catch (Trap e) {
            // Only guest memory accesses trap in host code: a pointer out of bounds.
            return Errno.FAULT;
        } catch (IOException e) {
            return Errno.of(e);
        } catch (UncheckedIOException e) {
            return Errno.of(e.getCause());
        } catch (IllegalArgumentException e) { // InvalidPathException too: a name the host cannot represent
            return Errno.INVAL;
        } catch (UnsupportedOperationException e) {
            return Errno.NOTSUP;
        } catch (SecurityException e) {
            return Errno.ACCES;
        } catch (RuntimeException e) {
            return Errno.IO;
        }
    }
}
