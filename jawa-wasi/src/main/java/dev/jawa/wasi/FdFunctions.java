package dev.jawa.wasi;

import static dev.jawa.wasi.GuestMemory.ptr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fd_* functions: reading, writing, seeking, stat, flags, rights, directories, renumbering. */
final class FdFunctions {

    private FdFunctions() {
    }

    private static final int WHENCE_SET = 0;
    private static final int WHENCE_CUR = 1;
    private static final int WHENCE_END = 2;
    private static final int DIRENT_SIZE = 24;

    static void define(Wasi w, HostFunctions h) {
        GuestMemory m = w.memory;
        FdTable fds = w.fds;

        h.define("fd_write", "iiii", a -> {
            Descriptor d = fds.get((int) a[0]);
            GuestMemory.IoVec[] iovs = m.iovecs(ptr(a[1]), ptr(a[2]));
            m.putI32(ptr(a[3]), write(m, d, iovs));
            return Errno.SUCCESS;
        });
        h.define("fd_read", "iiii", a -> {
            Descriptor d = fds.get((int) a[0]);
            GuestMemory.IoVec[] iovs = m.iovecs(ptr(a[1]), ptr(a[2]));
            m.putI32(ptr(a[3]), read(m, d, iovs));
            return Errno.SUCCESS;
        });
        h.define("fd_pread", "iiiIi", a -> {
            FileDescriptor f = positional(fds.get((int) a[0]), Rights.FD_READ | Rights.FD_SEEK, true);
            GuestMemory.IoVec[] iovs = m.iovecs(ptr(a[1]), ptr(a[2]));
            long pos = a[3];
            if (pos < 0) {
                return Errno.INVAL;
            }
            int total = 0;
            ByteBuffer[] bufs = readBuffers(m, iovs);
            for (ByteBuffer b : bufs) {
                int want = b.remaining();
                int n = f.channel.read(b, pos + total);
                if (n <= 0) {
                    break;
                }
                total += n;
                if (n < want) {
                    break;
                }
            }
            finishRead(m, iovs, bufs, total);
            m.putI32(ptr(a[4]), total);
            return Errno.SUCCESS;
        });
        h.define("fd_pwrite", "iiiIi", a -> {
            FileDescriptor f = positional(fds.get((int) a[0]), Rights.FD_WRITE | Rights.FD_SEEK, false);
            GuestMemory.IoVec[] iovs = m.iovecs(ptr(a[1]), ptr(a[2]));
            long pos = a[3];
            if (pos < 0) {
                return Errno.INVAL;
            }
            int total = 0;
            for (ByteBuffer b : writeBuffers(m, iovs)) {
                while (b.hasRemaining()) {
                    total += f.channel.write(b, pos + total);
                }
            }
            m.putI32(ptr(a[4]), total);
            return Errno.SUCCESS;
        });
        h.define("fd_seek", "iIii", a -> {
            if (fds.get((int) a[0]) instanceof DirectoryDescriptor dir) {
                // Only a rewind, as lseek(dirfd, 0, SEEK_SET) does; positions in a listing are cookies.
                if (a[1] != 0 || a[2] != WHENCE_SET) {
                    return Errno.INVAL;
                }
                dir.listing = null;
                m.putI64(ptr(a[3]), 0);
                return Errno.SUCCESS;
            }
            FileDescriptor f = seekable(fds.get((int) a[0]), Rights.FD_SEEK);
            long offset = a[1];
            long base = switch ((int) a[2]) {
                case WHENCE_SET -> 0;
                case WHENCE_CUR -> f.channel.position();
                case WHENCE_END -> f.channel.size();
                default -> throw new WasiError(Errno.INVAL);
            };
            long pos = base + offset;
            if (pos < 0 || (offset > 0 && pos < base)) {
                return Errno.INVAL;
            }
            f.channel.position(pos);
            m.putI64(ptr(a[3]), pos);
            return Errno.SUCCESS;
        });
        h.define("fd_tell", "ii", a -> {
            FileDescriptor f = seekable(fds.get((int) a[0]), Rights.FD_TELL);
            m.putI64(ptr(a[1]), f.channel.position());
            return Errno.SUCCESS;
        });
        h.define("fd_close", "i", a -> {
            fds.remove((int) a[0]).close();
            return Errno.SUCCESS;
        });
        h.define("fd_renumber", "ii", a -> {
            Descriptor old = fds.renumber((int) a[0], (int) a[1]);
            if (old != null) {
                old.close();
            }
            return Errno.SUCCESS;
        });
        h.define("fd_advise", "iIIi", a -> {
            Descriptor d = fds.get((int) a[0]);
            if (a[1] < 0 || a[2] < 0 || a[3] < 0 || a[3] > 5) {
                return Errno.INVAL;
            }
            if (d instanceof StreamDescriptor || d instanceof SocketDescriptor || d instanceof ListenerDescriptor) {
                return Errno.SPIPE;
            }
            d.require(Rights.FD_ADVISE);
            return Errno.SUCCESS; // advice only: the JVM has nothing to pass it to
        });
        h.define("fd_allocate", "iII", a -> {
            FileDescriptor f = file(fds.get((int) a[0]), Rights.FD_ALLOCATE, Errno.BADF);
            long offset = a[1];
            long len = a[2];
            if (offset < 0 || len <= 0 || offset + len < 0) {
                return Errno.INVAL;
            }
            extend(f.channel, offset + len);
            return Errno.SUCCESS;
        });
        h.define("fd_datasync", "i", a -> sync(fds.get((int) a[0]), false));
        h.define("fd_sync", "i", a -> sync(fds.get((int) a[0]), true));
        h.define("fd_fdstat_get", "ii", a -> {
            Descriptor d = fds.get((int) a[0]);
            long p = ptr(a[1]);
            m.putI64(p, 0);
            m.putI8(p, d.filetype());
            m.putI16(p + 2, d.fdflags);
            m.putI64(p + 8, d.rightsBase);
            m.putI64(p + 16, d.rightsInheriting);
            return Errno.SUCCESS;
        });
        h.define("fd_fdstat_set_flags", "ii", a -> {
            Descriptor d = fds.get((int) a[0]);
            int flags = (int) a[1];
            if ((flags & ~31) != 0) {
                return Errno.INVAL;
            }
            d.require(Rights.FD_FDSTAT_SET_FLAGS);
            if (d instanceof SocketDescriptor s) {
                s.channel.configureBlocking((flags & Descriptor.FDFLAG_NONBLOCK) == 0);
            } else if (d instanceof ListenerDescriptor l) {
                l.channel.configureBlocking((flags & Descriptor.FDFLAG_NONBLOCK) == 0);
            }
            // Files keep the sync flags for fdstat only: every write goes to the channel, and
            // fd_sync/fd_datasync force it. Append is honoured by fd_write.
            d.fdflags = flags;
            return Errno.SUCCESS;
        });
        h.define("fd_fdstat_set_rights", "iII", a -> {
            Descriptor d = fds.get((int) a[0]);
            long base = a[1];
            long inheriting = a[2];
            if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
                return Errno.NOTCAPABLE;
            }
            d.rightsBase = base;
            d.rightsInheriting = inheriting;
            return Errno.SUCCESS;
        });
        h.define("fd_filestat_get", "ii", a -> {
            Descriptor d = fds.get((int) a[0]);
            d.require(Rights.FD_FILESTAT_GET);
            FileStats.write(m, ptr(a[1]), stat(d));
            return Errno.SUCCESS;
        });
        h.define("fd_filestat_set_size", "iI", a -> {
            FileDescriptor f = file(fds.get((int) a[0]), Rights.FD_FILESTAT_SET_SIZE, Errno.INVAL);
            long size = a[1];
            if (size < 0) {
                return Errno.INVAL;
            }
            if (size < f.channel.size()) {
                f.channel.truncate(size);
            } else {
                extend(f.channel, size);
            }
            return Errno.SUCCESS;
        });
        h.define("fd_filestat_set_times", "iIIi", a -> {
            Descriptor d = fds.get((int) a[0]);
            d.require(Rights.FD_FILESTAT_SET_TIMES);
            Path p = d instanceof FileDescriptor f ? f.path : d instanceof DirectoryDescriptor dir ? dir.path : null;
            if (p == null) {
                return Errno.BADF;
            }
            if (d instanceof DirectoryDescriptor dir && Sandbox.isNative(dir)) {
                // Through the directory's own fd: its path may name something else by now.
                long[] times = FileStats.times(a[1], a[2], (int) a[3], w.config.clock);
                if (times != null) {
                    NativeAt.LINUX.setTimes(dir.fd, ".", times[0], times[1]);
                }
                return Errno.SUCCESS;
            }
            // Not following a final symlink: the file was a real one when opened, and a link put in
            // its place since must not redirect the change.
            FileStats.setTimes(p, a[1], a[2], (int) a[3], w.config.clock, false);
            return Errno.SUCCESS;
        });
        h.define("fd_prestat_get", "ii", a -> {
            DirectoryDescriptor d = preopen(fds.get((int) a[0]));
            long p = ptr(a[1]);
            m.putI32(p, 0); // preopentype dir
            m.putI32(p + 4, d.preopenName.getBytes(StandardCharsets.UTF_8).length);
            return Errno.SUCCESS;
        });
        h.define("fd_prestat_dir_name", "iii", a -> {
            DirectoryDescriptor d = preopen(fds.get((int) a[0]));
            byte[] name = d.preopenName.getBytes(StandardCharsets.UTF_8);
            if (ptr(a[2]) < name.length) {
                return Errno.NAMETOOLONG;
            }
            m.write(ptr(a[1]), name);
            return Errno.SUCCESS;
        });
        h.define("fd_readdir", "iiiIi", a -> {
            Descriptor d = fds.get((int) a[0]);
            if (!(d instanceof DirectoryDescriptor dir)) {
                return Errno.NOTDIR;
            }
            dir.require(Rights.FD_READDIR);
            long cookie = a[3];
            if (cookie == 0 || dir.listing == null) {
                dir.listing = list(dir);
            }
            int capacity = (int) Math.min(ptr(a[2]), Integer.MAX_VALUE);
            byte[] out = direntries(dir.listing, cookie, capacity);
            m.write(ptr(a[1]), out);
            m.putI32(ptr(a[4]), out.length);
            return Errno.SUCCESS;
        });
    }

    private static int write(GuestMemory m, Descriptor d, GuestMemory.IoVec[] iovs) throws IOException {
        switch (d) {
            case StreamDescriptor s -> {
                if (s.out == null) {
                    throw new WasiError(Errno.BADF);
                }
                byte[] data = m.gather(iovs);
                s.out.write(data);
                s.out.flush();
                return data.length;
            }
            case FileDescriptor f -> {
                if ((f.rightsBase & Rights.FD_WRITE) == 0) {
                    throw new WasiError(Errno.BADF);
                }
                if ((f.fdflags & Descriptor.FDFLAG_APPEND) != 0) {
                    f.channel.position(f.channel.size());
                }
                ByteBuffer[] bufs = writeBuffers(m, iovs);
                long total = 0;
                for (ByteBuffer b : bufs) {
                    while (b.hasRemaining()) {
                        total += f.channel.write(b);
                    }
                }
                return (int) total;
            }
            case SocketDescriptor s -> {
                return (int) s.channel.write(writeBuffers(m, iovs));
            }
            default -> throw new WasiError(Errno.BADF);
        }
    }

    private static int read(GuestMemory m, Descriptor d, GuestMemory.IoVec[] iovs) throws IOException {
        switch (d) {
            case StreamDescriptor s -> {
                if (s.in == null) {
                    throw new WasiError(Errno.BADF);
                }
                byte[] tmp = new byte[GuestMemory.capacity(iovs)];
                if (tmp.length == 0) {
                    return 0;
                }
                int n = s.in.read(tmp, 0, tmp.length);
                if (n <= 0) {
                    return 0;
                }
                m.scatter(iovs, tmp, n);
                return n;
            }
            case FileDescriptor f -> {
                if ((f.rightsBase & Rights.FD_READ) == 0) {
                    throw new WasiError(Errno.BADF);
                }
                ByteBuffer[] bufs = readBuffers(m, iovs);
                long n = f.channel.read(bufs);
                finishRead(m, iovs, bufs, n);
                return (int) Math.max(n, 0);
            }
            case SocketDescriptor s -> {
                ByteBuffer[] bufs = readBuffers(m, iovs);
                long n = s.channel.read(bufs);
                finishRead(m, iovs, bufs, n);
                return (int) Math.max(n, 0);
            }
            case DirectoryDescriptor x -> throw new WasiError(Errno.ISDIR);
            default -> throw new WasiError(Errno.BADF);
        }
    }

    /**
     * Buffers for a channel to fill from {@code iovs}: views of the guest's memory when it is one
     * array, else one temporary buffer that {@link #finishRead} copies in.
     */
    static ByteBuffer[] readBuffers(GuestMemory m, GuestMemory.IoVec[] iovs) {
        byte[] bytes = m.memory().bytes();
        if (bytes == null) {
            return new ByteBuffer[] {ByteBuffer.allocate(GuestMemory.capacity(iovs))};
        }
        ByteBuffer[] out = new ByteBuffer[iovs.length];
        for (int i = 0; i < iovs.length; i++) {
            out[i] = ByteBuffer.wrap(bytes, (int) iovs[i].buf(), iovs[i].len());
        }
        return out;
    }

    /** After a read of {@code n} bytes into {@link #readBuffers}: copies a temporary buffer into the iovecs. */
    static void finishRead(GuestMemory m, GuestMemory.IoVec[] iovs, ByteBuffer[] bufs, long n) {
        if (n > 0 && m.memory().bytes() == null) {
            m.scatter(iovs, bufs[0].array(), (int) n);
        }
    }

    /** Buffers for a channel to drain {@code iovs} from: views of the guest's memory, or a copy of the bytes. */
    static ByteBuffer[] writeBuffers(GuestMemory m, GuestMemory.IoVec[] iovs) {
        if (m.memory().bytes() == null) {
            return new ByteBuffer[] {ByteBuffer.wrap(m.gather(iovs))};
        }
        return readBuffers(m, iovs);
    }

    private static FileDescriptor positional(Descriptor d, long rights, boolean reading) {
        if (d instanceof DirectoryDescriptor) {
            throw new WasiError(reading ? Errno.ISDIR : Errno.BADF);
        }
        if (!(d instanceof FileDescriptor f)) {
            throw new WasiError(Errno.SPIPE);
        }
        if ((f.rightsBase & (reading ? Rights.FD_READ : Rights.FD_WRITE)) == 0) {
            throw new WasiError(Errno.BADF);
        }
        f.require(rights);
        return f;
    }

    private static FileDescriptor seekable(Descriptor d, long right) {
        if (d instanceof StreamDescriptor || d instanceof SocketDescriptor || d instanceof ListenerDescriptor) {
            throw new WasiError(Errno.SPIPE);
        }
        if (!(d instanceof FileDescriptor f)) {
            throw new WasiError(Errno.BADF);
        }
        f.require(right);
        return f;
    }

    /** {@code d} as a file open for writing ({@code notWritable} if it is not) with {@code right}. */
    private static FileDescriptor file(Descriptor d, long right, int notWritable) {
        if (d instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.ISDIR);
        }
        if (!(d instanceof FileDescriptor f)) {
            throw new WasiError(Errno.INVAL);
        }
        if ((f.rightsBase & Rights.FD_WRITE) == 0) {
            throw new WasiError(notWritable);
        }
        f.require(right);
        return f;
    }

    private static DirectoryDescriptor preopen(Descriptor d) {
        if (!(d instanceof DirectoryDescriptor dir) || dir.preopenName == null) {
            throw new WasiError(Errno.BADF);
        }
        return dir;
    }

    /** Grows the file to at least {@code size} bytes (zeros), never shrinking it. */
    private static void extend(FileChannel channel, long size) throws IOException {
        if (size > channel.size()) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    private static int sync(Descriptor d, boolean metadata) throws IOException {
        switch (d) {
            case FileDescriptor f -> {
                f.require(metadata ? Rights.FD_SYNC : Rights.FD_DATASYNC);
                f.channel.force(metadata);
                return Errno.SUCCESS;
            }
            case DirectoryDescriptor dir -> {
                return Errno.SUCCESS; // java.nio cannot fsync a directory; its entries are the OS's to flush
            }
            default -> {
                return Errno.INVAL;
            }
        }
    }

    static FileStats.Stat stat(Descriptor d) throws IOException {
        switch (d) {
            case FileDescriptor f -> {
                try {
                    FileStats.Stat s = FileStats.of(f.path, false);
                    return new FileStats.Stat(s.dev(), s.ino(), Descriptor.FILETYPE_REGULAR_FILE, s.nlink(),
                            f.channel.size(), s.atim(), s.mtim(), s.ctim());
                } catch (java.nio.file.NoSuchFileException e) {
                    // Unlinked (or renamed) while open: the channel still knows its size.
                    return new FileStats.Stat(0, 0, Descriptor.FILETYPE_REGULAR_FILE, 0, f.channel.size(), 0, 0, 0);
                }
            }
            case DirectoryDescriptor dir -> {
                return Sandbox.isNative(dir) ? NativeAt.LINUX.stat(dir.fd, ".") : FileStats.of(dir.path, false);
            }
            default -> {
                return FileStats.device(d.filetype());
            }
        }
    }

    /** A directory's entries as fd_readdir lists them: "." and "..", then the names in sorted order. */
    static List<DirectoryDescriptor.DirEntry> list(DirectoryDescriptor dir) throws IOException {
        if (Sandbox.isNative(dir) && dir.handle != null) {
            return listNative(dir);
        }
        List<DirectoryDescriptor.DirEntry> out = new ArrayList<>();
        out.add(new DirectoryDescriptor.DirEntry(".", inode(dir.path), Descriptor.FILETYPE_DIRECTORY));
        Path parent = dir.path.getParent();
        out.add(new DirectoryDescriptor.DirEntry("..", parent == null ? 0 : inode(parent), Descriptor.FILETYPE_DIRECTORY));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir.path)) {
            s.forEach(children::add);
        }
        children.sort(null);
        for (Path c : children) {
            out.add(new DirectoryDescriptor.DirEntry(c.getFileName().toString(), inode(c), FileStats.filetype(c)));
        }
        return out;
    }

    /**
     * {@link #list} through the directory's handles rather than its path, which may name something
     * else by now (the directory renamed and a symlink put in its place): the names from a stream
     * opened on the held handle, each entry's inode and type from fstatat relative to the held fd.
     */
    private static List<DirectoryDescriptor.DirEntry> listNative(DirectoryDescriptor dir) throws IOException {
        NativeAt at = NativeAt.LINUX;
        List<DirectoryDescriptor.DirEntry> out = new ArrayList<>();
        out.add(new DirectoryDescriptor.DirEntry(".", at.stat(dir.fd, ".").ino(), Descriptor.FILETYPE_DIRECTORY));
        out.add(new DirectoryDescriptor.DirEntry("..", inodeAt(dir.fd, ".."), Descriptor.FILETYPE_DIRECTORY));
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = dir.handle.newDirectoryStream(Path.of("."), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        for (String name : names) {
            FileStats.Stat st;
            try {
                st = at.stat(dir.fd, name);
            } catch (WasiError e) {
                continue; // removed since it was listed
            }
            out.add(new DirectoryDescriptor.DirEntry(name, st.ino(), st.filetype()));
        }
        return out;
    }

    private static long inodeAt(int dirfd, String name) {
        try {
            return NativeAt.LINUX.stat(dirfd, name).ino();
        } catch (WasiError e) {
            return 0;
        }
    }

    private static long inode(Path p) {
        try {
            return FileStats.of(p, false).ino();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The dirent records from entry {@code cookie} on, packed into at most {@code capacity} bytes;
     * the last may be cut short, which tells the guest to ask again with a bigger buffer.
     */
    private static byte[] direntries(List<DirectoryDescriptor.DirEntry> listing, long cookie, int capacity) {
        ByteBuffer out = ByteBuffer.allocate(capacity).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long i = Math.max(cookie, 0); i < listing.size() && out.hasRemaining(); i++) {
            DirectoryDescriptor.DirEntry e = listing.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer rec = ByteBuffer.allocate(DIRENT_SIZE + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            rec.putLong(i + 1).putLong(e.inode()).putInt(name.length).put((byte) e.filetype()).put(new byte[3]).put(name);
            rec.flip();
            rec.limit(Math.min(rec.limit(), out.remaining()));
            out.put(rec);
        }
        byte[] b = new byte[out.position()];
        out.flip().get(b);
        return b;
    }
}
