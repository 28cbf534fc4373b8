package dev.jawa.wasi;

import static dev.jawa.wasi.GuestMemory.ptr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The path_* functions. Every path goes through {@link Sandbox#resolve} relative to its
 * directory descriptor, and is re-checked with {@link Sandbox#verifyInside} right before (and, for
 * opens, after) the operation; operations act on the last component without following links,
 * on Linux through the *at system calls relative to a directory fd ({@link Sandbox#at}).
 */
final class PathFunctions {

    private PathFunctions() {
    }

    static final int LOOKUP_SYMLINK_FOLLOW = 1;
    static final int O_CREAT = 1;
    static final int O_DIRECTORY = 2;
    static final int O_EXCL = 4;
    static final int O_TRUNC = 8;

    static void define(Wasi w, HostFunctions h) {
        GuestMemory m = w.memory;
        FdTable fds = w.fds;

        h.define("path_open", "iiiiiIIii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_OPEN);
            String path = m.string(ptr(a[2]), ptr(a[3]));
            int fd = fds.add(open(dir, path, (int) a[1], (int) a[4], a[5], a[6], (int) a[7]));
            m.putI32(ptr(a[8]), fd);
            return Errno.SUCCESS;
        });
        h.define("path_create_directory", "iii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_CREATE_DIRECTORY);
            Path p = checked(dir, m.string(ptr(a[1]), ptr(a[2])), false);
            if (Sandbox.isNative(dir)) {
                Sandbox.at(dir, p, (at, fd, name) -> {
                    at.mkdir(fd, name);
                    return null;
                });
                return Errno.SUCCESS;
            }
            Files.createDirectory(p);
            return Errno.SUCCESS;
        });
        h.define("path_remove_directory", "iii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_REMOVE_DIRECTORY);
            Path p = checked(dir, m.string(ptr(a[1]), ptr(a[2])), false);
            if (p.equals(dir.path)) {
                return Errno.INVAL; // rmdir(".")
            }
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isDirectory()) {
                return Errno.NOTDIR;
            }
            Sandbox.delete(dir, p, true);
            return Errno.SUCCESS;
        });
        h.define("path_unlink_file", "iii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_UNLINK_FILE);
            Sandbox.Resolved r = Sandbox.resolve(dir, m.string(ptr(a[1]), ptr(a[2])), false);
            Sandbox.verifyInside(dir, r.host());
            BasicFileAttributes attrs = Files.readAttributes(r.host(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                return Errno.ISDIR;
            }
            if (r.trailingSlash()) {
                return Errno.NOTDIR;
            }
            Sandbox.delete(dir, r.host(), false);
            return Errno.SUCCESS;
        });
        h.define("path_filestat_get", "iiiii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_FILESTAT_GET);
            boolean follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
            Sandbox.Resolved r = Sandbox.resolve(dir, m.string(ptr(a[2]), ptr(a[3])), follow);
            Sandbox.verifyInside(dir, r.host());
            FileStats.Stat s = Sandbox.isNative(dir) ? Sandbox.at(dir, r.host(), (at, fd, name) -> at.stat(fd, name))
                    : FileStats.of(r.host(), false);
            if (r.trailingSlash() && s.filetype() != Descriptor.FILETYPE_DIRECTORY) {
                return Errno.NOTDIR;
            }
            FileStats.write(m, ptr(a[4]), s);
            return Errno.SUCCESS;
        });
        h.define("path_filestat_set_times", "iiiiIIi", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_FILESTAT_SET_TIMES);
            boolean follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
            Path p = checked(dir, m.string(ptr(a[2]), ptr(a[3])), follow);
            if (Sandbox.isNative(dir)) {
                long[] times = FileStats.times(a[4], a[5], (int) a[6], w.config.clock);
                if (times != null) {
                    Sandbox.at(dir, p, (at, fd, name) -> {
                        at.setTimes(fd, name, times[0], times[1]);
                        return null;
                    });
                } else {
                    Sandbox.at(dir, p, (at, fd, name) -> at.stat(fd, name)); // must exist all the same
                }
                return Errno.SUCCESS;
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Errno.NOENT;
            }
            FileStats.setTimes(p, a[4], a[5], (int) a[6], w.config.clock, false);
            return Errno.SUCCESS;
        });
        h.define("path_link", "iiiiiii", a -> {
            DirectoryDescriptor from = directory(fds, a[0], Rights.PATH_LINK_SOURCE);
            boolean follow = (a[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
            String source = m.string(ptr(a[2]), ptr(a[3]));
            DirectoryDescriptor to = directory(fds, a[4], Rights.PATH_LINK_TARGET);
            String target = m.string(ptr(a[5]), ptr(a[6]));
            // The existing file is found inside the sandbox (a symlink pointing out fails), so a
            // link can only ever name a file the guest could already reach.
            Path existing = checked(from, source, follow);
            Path link = checked(to, target, false);
            if (Sandbox.isNative(from) && Sandbox.isNative(to)) {
                // linkat refuses a directory (EPERM) itself and follows no symlink.
                Sandbox.at(from, existing, (at, fromFd, fromName) -> Sandbox.at(to, link, (at2, toFd, toName) -> {
                    at.link(fromFd, fromName, toFd, toName);
                    return null;
                }));
                return Errno.SUCCESS;
            }
            BasicFileAttributes attrs = Files.readAttributes(existing, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attrs.isDirectory()) {
                return Errno.PERM;
            }
            Files.createLink(link, existing);
            return Errno.SUCCESS;
        });
        h.define("path_readlink", "iiiiii", a -> {
            DirectoryDescriptor dir = directory(fds, a[0], Rights.PATH_READLINK);
            Path p = checked(dir, m.string(ptr(a[1]), ptr(a[2])), false);
            byte[] target = Sandbox.isNative(dir) ? Sandbox.at(dir, p, (at, fd, name) -> at.readlink(fd, name))
                    : Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, ptr(a[4]));
            m.write(ptr(a[3]), target, 0, n);
            m.putI32(ptr(a[5]), n);
            return Errno.SUCCESS;
        });
        h.define("path_rename", "iiiiii", a -> {
            DirectoryDescriptor from = directory(fds, a[0], Rights.PATH_RENAME_SOURCE);
            Path source = checked(from, m.string(ptr(a[1]), ptr(a[2])), false);
            DirectoryDescriptor to = directory(fds, a[3], Rights.PATH_RENAME_TARGET);
            Path target = checked(to, m.string(ptr(a[4]), ptr(a[5])), false);
            if (source.equals(from.path) || target.equals(to.path)) {
                return Errno.BUSY; // renaming "." (or onto it)
            }
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                return Errno.NOENT;
            }
            Sandbox.rename(from, source, to, target);
            return Errno.SUCCESS;
        });
        h.define("path_symlink", "iiiii", a -> {
            String contents = m.string(ptr(a[0]), ptr(a[1]));
            DirectoryDescriptor dir = directory(fds, a[2], Rights.PATH_SYMLINK);
            Path link = checked(dir, m.string(ptr(a[3]), ptr(a[4])), false);
            if (contents.startsWith("/")) {
                // An absolute target could only ever point outside the sandbox.
                return Errno.NOTCAPABLE;
            }
            if (contents.isEmpty() || contents.indexOf('\0') >= 0) {
                return Errno.NOENT;
            }
            if (Sandbox.isNative(dir)) {
                Sandbox.at(dir, link, (at, fd, name) -> {
                    at.symlink(contents, fd, name);
                    return null;
                });
                return Errno.SUCCESS;
            }
            Files.createSymbolicLink(link, Path.of(contents));
            return Errno.SUCCESS;
        });
    }

    /** The directory descriptor {@code fd}, which must have {@code right}. */
    static DirectoryDescriptor directory(FdTable fds, long fd, long right) {
        DirectoryDescriptor d = fds.get((int) fd, DirectoryDescriptor.class, Errno.NOTDIR);
        d.require(right);
        return d;
    }

    /** Resolves and re-verifies {@code path} under {@code dir}. */
    private static Path checked(DirectoryDescriptor dir, String path, boolean follow) {
        Path p = Sandbox.resolve(dir, path, follow).host();
        Sandbox.verifyInside(dir, p);
        return p;
    }

    /** path_open: a file or directory descriptor for {@code path}, with the rights asked for as far as the directory allows. */
    private static Descriptor open(DirectoryDescriptor dir, String path, int dirflags, int oflags, long rightsBase,
            long rightsInheriting, int fdflags) throws IOException {
        boolean creat = (oflags & O_CREAT) != 0;
        boolean excl = (oflags & O_EXCL) != 0;
        boolean trunc = (oflags & O_TRUNC) != 0;
        boolean wantDir = (oflags & O_DIRECTORY) != 0;
        if ((oflags & ~15) != 0 || (fdflags & ~31) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (creat) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (trunc) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        boolean write = (rightsBase & Rights.FD_WRITE) != 0;
        if (write && ((dir.rightsInheriting & Rights.FD_WRITE) == 0 || dir.readOnly)) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0 && !(creat && excl);
        Sandbox.Resolved r = Sandbox.resolve(dir, path, follow);
        Path host = r.host();
        Sandbox.verifyInside(dir, host);
        BasicFileAttributes attrs = null;
        try {
            attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            // may be created below
        }
        if (attrs != null && creat && excl) {
            throw new WasiError(Errno.EXIST);
        }
        if (attrs != null && attrs.isSymbolicLink()) {
            // Not followed (the guest did not ask to): POSIX O_NOFOLLOW's answer.
            throw new WasiError(wantDir ? Errno.NOTDIR : Errno.LOOP);
        }
        if (attrs != null && attrs.isDirectory()) {
            if (write || trunc) {
                throw new WasiError(Errno.ISDIR);
            }
            long base = rightsBase & dir.rightsInheriting & Rights.DIRECTORY
                    & (dir.readOnly ? ~Rights.DIRECTORY_WRITING : -1L);
            long inheriting = rightsInheriting & dir.rightsInheriting;
            DirectoryDescriptor d = new DirectoryDescriptor(host, null, dir.readOnly, base, inheriting);
            d.handle = Sandbox.openDirectory(dir, host);
            try {
                d.fd = Sandbox.openNativeDirectory(dir, host);
            } catch (WasiError e) {
                d.close();
                throw e;
            }
            d.fdflags = fdflags;
            return d;
        }
        if (wantDir || r.trailingSlash()) {
            throw new WasiError(attrs == null ? (creat ? Errno.INVAL : Errno.NOENT) : Errno.NOTDIR);
        }
        if (attrs == null && !creat) {
            throw new WasiError(Errno.NOENT);
        }
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if ((rightsBase & Rights.FD_READ) != 0 || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write || trunc) {
            options.add(StandardOpenOption.WRITE);
        }
        if (creat) {
            options.add(excl ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if (trunc) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & Descriptor.FDFLAG_SYNC) != 0 || (fdflags & Descriptor.FDFLAG_RSYNC) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((fdflags & Descriptor.FDFLAG_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        FileChannel channel = Sandbox.openFile(dir, host, options);
        long base = rightsBase & dir.rightsInheriting & Rights.FILE & (dir.readOnly ? ~Rights.FILE_WRITING : -1L);
        FileDescriptor f = new FileDescriptor(channel, host, base, rightsInheriting & dir.rightsInheriting);
        f.fdflags = fdflags;
        return f;
    }
}
