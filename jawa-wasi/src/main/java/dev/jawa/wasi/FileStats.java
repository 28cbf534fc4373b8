package dev.jawa.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** WASI {@code filestat} records (64 bytes) from java.nio's attributes, and setting a file's times. */
final class FileStats {

    private FileStats() {
    }

    static final int SIZE = 64;

    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;

    /** In {@link #times}' answer: this time is left as it is. */
    static final long OMIT = Long.MIN_VALUE;

    /** A file's filestat fields. */
    record Stat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {
    }

    /** The stat of {@code path}; of a symlink itself unless {@code follow}. */
    static Stat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:*", options);
            return new Stat(num(a.get("dev")), num(a.get("ino")), filetype(a), num(a.get("nlink")),
                    num(a.get("size")), nanos(a.get("lastAccessTime")), nanos(a.get("lastModifiedTime")),
                    nanos(a.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No "unix" view on this platform: the portable attributes, without device and inode.
            BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, options);
            return new Stat(0, 0, filetype(b), 1, b.size(), nanos(b.lastAccessTime()),
                    nanos(b.lastModifiedTime()), nanos(b.creationTime()));
        }
    }

    /** A stat for something with no file behind it (a stream or a socket). */
    static Stat device(int filetype) {
        return new Stat(0, 0, filetype, 1, 0, 0, 0, 0);
    }

    static void write(GuestMemory m, long ptr, Stat s) {
        m.putI64(ptr, s.dev());
        m.putI64(ptr + 8, s.ino());
        m.putI64(ptr + 16, s.filetype());
        m.putI64(ptr + 24, s.nlink());
        m.putI64(ptr + 32, s.size());
        m.putI64(ptr + 40, s.atim());
        m.putI64(ptr + 48, s.mtim());
        m.putI64(ptr + 56, s.ctim());
    }

    /**
     * Sets {@code path}'s access and/or modification time as fst_flags ask (a given time, or now by
     * {@code clock}); INVAL if both a time and "now" are asked for one of them.
     */
    static void setTimes(Path path, long atim, long mtim, int flags, WasiClock clock, boolean follow)
            throws IOException {
        long[] times = times(atim, mtim, flags, clock);
        if (times == null) {
            return;
        }
        FileTime a = times[0] == OMIT ? null : time(times[0]);
        FileTime m = times[1] == OMIT ? null : time(times[1]);
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(m, a, null);
    }

    /**
     * The access and modification times fst_flags ask for, in nanoseconds (a given time, or now by
     * {@code clock}), {@link #OMIT} for one left alone, null if both are; INVAL if both a time and "now" are
     * asked for one of them, or unknown flags.
     */
    static long[] times(long atim, long mtim, int flags, WasiClock clock) {
        if ((flags & ~15) != 0 || (flags & (FST_ATIM | FST_ATIM_NOW)) == (FST_ATIM | FST_ATIM_NOW)
                || (flags & (FST_MTIM | FST_MTIM_NOW)) == (FST_MTIM | FST_MTIM_NOW)) {
            throw new WasiError(Errno.INVAL);
        }
        long now = clock.realtimeNanos();
        long a = (flags & FST_ATIM) != 0 ? atim : (flags & FST_ATIM_NOW) != 0 ? now : OMIT;
        long m = (flags & FST_MTIM) != 0 ? mtim : (flags & FST_MTIM_NOW) != 0 ? now : OMIT;
        return a == OMIT && m == OMIT ? null : new long[] {a, m};
    }

    static int filetype(Path path) {
        try {
            return filetype(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Descriptor.FILETYPE_UNKNOWN;
        }
    }

    private static FileTime time(long nanos) {
        return FileTime.from(nanos, TimeUnit.NANOSECONDS);
    }

    private static int filetype(Map<String, Object> a) {
        if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
            return Descriptor.FILETYPE_SYMBOLIC_LINK;
        } else if (Boolean.TRUE.equals(a.get("isDirectory"))) {
            return Descriptor.FILETYPE_DIRECTORY;
        } else if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
            return Descriptor.FILETYPE_REGULAR_FILE;
        }
        Object mode = a.get("mode");
        if (mode instanceof Integer md) {
            return switch (md & 0170000) {
                case 0020000 -> Descriptor.FILETYPE_CHARACTER_DEVICE;
                case 0060000 -> 1; // block device
                case 0140000 -> Descriptor.FILETYPE_SOCKET_STREAM;
                default -> Descriptor.FILETYPE_UNKNOWN;
            };
        }
        return Descriptor.FILETYPE_UNKNOWN;
    }

    private static int filetype(BasicFileAttributes b) {
        return b.isSymbolicLink() ? Descriptor.FILETYPE_SYMBOLIC_LINK
                : b.isDirectory() ? Descriptor.FILETYPE_DIRECTORY
                : b.isRegularFile() ? Descriptor.FILETYPE_REGULAR_FILE : Descriptor.FILETYPE_UNKNOWN;
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static long nanos(Object o) {
        return o instanceof FileTime t ? t.to(TimeUnit.NANOSECONDS) : 0;
    }
}
