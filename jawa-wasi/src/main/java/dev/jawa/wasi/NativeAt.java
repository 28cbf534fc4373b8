package dev.jawa.wasi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Linux *at system calls (openat, mkdirat, symlinkat, linkat, readlinkat, fstatat, utimensat)
 * through java.lang.foreign, so that the sandbox can act on a name relative to a directory file
 * descriptor it holds instead of on a host path that another process could redirect between the
 * check and the act. java.nio has no handle-relative form of these operations.
 *
 * <p>{@link #LINUX} is null off Linux (x86_64 and aarch64, whose struct stat layouts are known here)
 * or when the C library lacks a symbol; the sandbox then keeps its path-based code. Directory file
 * descriptors are opened with O_PATH|O_DIRECTORY|O_NOFOLLOW, so a component swapped for a symlink
 * fails to open rather than leading outside. Failures become {@link WasiError}s with the errno
 * translated.
 */
final class NativeAt {

    /** The calls on this platform, or null where they are not available (detected once). */
    static final NativeAt LINUX = load();

    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int O_PATH = 010000000;
    private static final int O_CLOEXEC = 02000000;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private final boolean aarch64;
    private final int oDirectory;
    private final int oNofollow;
    private final StructLayout callState = Linker.Option.captureStateLayout();
    private final VarHandle errno = callState.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private final MethodHandle openat;
    private final MethodHandle close;
    private final MethodHandle mkdirat;
    private final MethodHandle symlinkat;
    private final MethodHandle linkat;
    private final MethodHandle readlinkat;
    private final MethodHandle fstatat;
    private final MethodHandle utimensat;

    private NativeAt(boolean aarch64) {
        this.aarch64 = aarch64;
        // open(2)'s flag values differ between the two architectures for these two.
        this.oDirectory = aarch64 ? 040000 : 0200000;
        this.oNofollow = aarch64 ? 0100000 : 0400000;
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        ValueLayout.OfLong l = ValueLayout.JAVA_LONG;
        var a = ValueLayout.ADDRESS;
        openat = handle(linker, libc, "openat", FunctionDescriptor.of(i, i, a, i, i));
        close = handle(linker, libc, "close", FunctionDescriptor.of(i, i));
        mkdirat = handle(linker, libc, "mkdirat", FunctionDescriptor.of(i, i, a, i));
        symlinkat = handle(linker, libc, "symlinkat", FunctionDescriptor.of(i, a, i, a));
        linkat = handle(linker, libc, "linkat", FunctionDescriptor.of(i, i, a, i, a, i));
        readlinkat = handle(linker, libc, "readlinkat", FunctionDescriptor.of(l, i, a, a, l));
        fstatat = handle(linker, libc, "fstatat", FunctionDescriptor.of(i, i, a, a, i));
        utimensat = handle(linker, libc, "utimensat", FunctionDescriptor.of(i, i, a, a, i));
    }

    private static NativeAt load() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            return null;
        }
        try {
            return new NativeAt(arch.equals("aarch64"));
        } catch (RuntimeException | LinkageError e) {
            // A missing symbol or native access refused: the path-based fallback.
            return null;
        }
    }

    private MethodHandle handle(Linker linker, SymbolLookup libc, String name, FunctionDescriptor d) {
        MemorySegment symbol = libc.find(name).orElseThrow(() -> new UnsupportedOperationException(name));
        return linker.downcallHandle(symbol, d, Linker.Option.captureCallState("errno"));
    }

    /** Opens the directory at the absolute host path {@code path} (a preopen, trusted as configured). */
    int openRoot(String path) {
        return openDirectory(AT_FDCWD, path, false);
    }

    /** Opens the directory {@code name} inside {@code dirfd}, following no symlink. */
    int openDirectory(int dirfd, String name) {
        return openDirectory(dirfd, name, true);
    }

    private int openDirectory(int dirfd, String name, boolean nofollow) {
        int flags = O_PATH | O_CLOEXEC | oDirectory | (nofollow ? oNofollow : 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            return (int) check(state, (int) openat.invoke(state, dirfd, cstring(arena, name), flags, 0));
        } catch (WasiError e) {
            throw e;
        } catch (Throwable t) {
            throw new WasiError(Errno.IO);
        }
    }

    /** Closes a descriptor from {@link #openRoot} or {@link #openDirectory}. */
    void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            int ignored = (int) close.invoke(state, fd);
        } catch (Throwable t) {
            // Nothing more to do with a descriptor that would not close.
        }
    }

    void mkdir(int dirfd, String name) {
        call((arena, state) -> (int) mkdirat.invoke(state, dirfd, cstring(arena, name), 0777));
    }

    void symlink(String target, int dirfd, String name) {
        call((arena, state) -> (int) symlinkat.invoke(state, cstring(arena, target), dirfd, cstring(arena, name)));
    }

    /** A hard link {@code toName} in {@code toFd} to {@code fromName} in {@code fromFd}, which is not followed if a symlink. */
    void link(int fromFd, String fromName, int toFd, String toName) {
        call((arena, state) -> (int) linkat.invoke(state, fromFd, cstring(arena, fromName), toFd,
                cstring(arena, toName), 0));
    }

    /** The target of the symlink {@code name} in {@code dirfd}, as bytes. */
    byte[] readlink(int dirfd, String name) {
        byte[][] out = new byte[1][];
        call((arena, state) -> {
            int size = 4096;
            MemorySegment buf = arena.allocate(size);
            long n = (long) readlinkat.invoke(state, dirfd, cstring(arena, name), buf, (long) size);
            if (n >= 0) {
                out[0] = buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            }
            return (int) Math.max(n, -1);
        });
        return out[0];
    }

    /** The stat of {@code name} in {@code dirfd}, a symlink's own. */
    FileStats.Stat stat(int dirfd, String name) {
        FileStats.Stat[] out = new FileStats.Stat[1];
        call((arena, state) -> {
            MemorySegment st = arena.allocate(256, 8);
            int r = (int) fstatat.invoke(state, dirfd, cstring(arena, name), st, AT_SYMLINK_NOFOLLOW);
            if (r == 0) {
                out[0] = decode(st);
            }
            return r;
        });
        return out[0];
    }

    /** Sets the access and modification times of {@code name} in {@code dirfd} (not following a symlink); {@link FileStats#OMIT} leaves one alone. */
    void setTimes(int dirfd, String name, long atimNanos, long mtimNanos) {
        call((arena, state) -> {
            MemorySegment times = arena.allocate(32, 8);
            putTimespec(times, 0, atimNanos);
            putTimespec(times, 16, mtimNanos);
            return (int) utimensat.invoke(state, dirfd, cstring(arena, name), times, AT_SYMLINK_NOFOLLOW);
        });
    }

    private static void putTimespec(MemorySegment s, long offset, long nanos) {
        if (nanos == FileStats.OMIT) {
            s.set(ValueLayout.JAVA_LONG, offset, 0);
            s.set(ValueLayout.JAVA_LONG, offset + 8, UTIME_OMIT);
        } else {
            s.set(ValueLayout.JAVA_LONG, offset, Math.floorDiv(nanos, 1_000_000_000L));
            s.set(ValueLayout.JAVA_LONG, offset + 8, Math.floorMod(nanos, 1_000_000_000L));
        }
    }

    /** struct stat: x86_64's and aarch64's (the generic layout) agree from st_size on. */
    private FileStats.Stat decode(MemorySegment st) {
        long dev = st.get(ValueLayout.JAVA_LONG, 0);
        long ino = st.get(ValueLayout.JAVA_LONG, 8);
        long nlink = aarch64 ? Integer.toUnsignedLong(st.get(ValueLayout.JAVA_INT, 20)) : st.get(ValueLayout.JAVA_LONG, 16);
        int mode = st.get(ValueLayout.JAVA_INT, aarch64 ? 16 : 24);
        long size = st.get(ValueLayout.JAVA_LONG, 48);
        long atim = timespec(st, 72);
        long mtim = timespec(st, 88);
        long ctim = timespec(st, 104);
        return new FileStats.Stat(dev, ino, filetype(mode), nlink, size, atim, mtim, ctim);
    }

    private static long timespec(MemorySegment st, long offset) {
        return st.get(ValueLayout.JAVA_LONG, offset) * 1_000_000_000L + st.get(ValueLayout.JAVA_LONG, offset + 8);
    }

    private static int filetype(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> Descriptor.FILETYPE_DIRECTORY;
            case 0100000 -> Descriptor.FILETYPE_REGULAR_FILE;
            case 0120000 -> Descriptor.FILETYPE_SYMBOLIC_LINK;
            case 0020000 -> Descriptor.FILETYPE_CHARACTER_DEVICE;
            case 0060000 -> 1; // block device
            case 0140000 -> Descriptor.FILETYPE_SOCKET_STREAM;
            default -> Descriptor.FILETYPE_UNKNOWN;
        };
    }

    /** One system call returning -1 and errno on failure. */
    private interface Call {
        int run(Arena arena, MemorySegment state) throws Throwable;
    }

    private void call(Call c) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            check(state, c.run(arena, state));
        } catch (WasiError e) {
            throw e;
        } catch (Throwable t) {
            throw new WasiError(Errno.IO);
        }
    }

    private int check(MemorySegment state, int result) {
        if (result < 0) {
            throw new WasiError(fromLinux((int) errno.get(state, 0L)));
        }
        return result;
    }

    private static MemorySegment cstring(Arena arena, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        return arena.allocateFrom(s, StandardCharsets.UTF_8);
    }

    /** The WASI errno for a Linux errno (the values the generic and x86_64 ABIs share). */
    static int fromLinux(int e) {
        return switch (e) {
            case 1 -> Errno.PERM;
            case 2 -> Errno.NOENT;
            case 5 -> Errno.IO;
            case 9 -> Errno.BADF;
            case 12 -> Errno.NOMEM;
            case 13 -> Errno.ACCES;
            case 16 -> Errno.BUSY;
            case 17 -> Errno.EXIST;
            case 18 -> Errno.XDEV;
            case 20 -> Errno.NOTDIR;
            case 21 -> Errno.ISDIR;
            case 22 -> Errno.INVAL;
            case 24 -> Errno.MFILE;
            case 27 -> Errno.FBIG;
            case 28 -> Errno.NOSPC;
            case 30 -> Errno.ROFS;
            case 31 -> Errno.MLINK;
            case 36 -> Errno.NAMETOOLONG;
            case 39 -> Errno.NOTEMPTY;
            case 40 -> Errno.LOOP;
            case 75 -> Errno.OVERFLOW;
            case 95 -> Errno.NOTSUP;
            default -> Errno.IO;
        };
    }
}
