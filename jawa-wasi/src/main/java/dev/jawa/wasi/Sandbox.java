package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.OpenOption;
import java.nio.file.SecureDirectoryStream;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path relative to a directory descriptor without ever leaving that directory.
 *
 * <p>The host's own path resolution is never trusted with a guest path: the path is split into
 * components and walked one at a time from the directory. {@code .} is skipped; {@code ..} goes
 * up one level but never above the directory (NOTCAPABLE); absolute paths are refused
 * (NOTCAPABLE). Each intermediate component (and the last, when the guest asks to follow
 * symlinks) is examined without following links; a symlink is expanded here, its target's
 * components taking its place under the same rules, so a link pointing outside (absolute, or with
 * too many {@code ..}) fails like the path itself would. At most {@link #MAX_SYMLINKS} links are
 * followed (LOOP). The result is a host path made only of real, checked directory names.
 *
 * <p>Between this check and the operation another process could swap a checked directory for a
 * symlink. Files are therefore opened without the host resolving any name ({@link #openFile}):
 * from the directory descriptor's open handle, each directory below it is opened relative to the
 * previous one without following links (openat with O_NOFOLLOW), and the file the same way, so a
 * swapped component makes the open fail instead of leading outside. Directory descriptors hold
 * such a handle too ({@link #openDirectory}); unlinking, removing directories and renaming go
 * through the parents' handles the same way ({@link #delete}, {@link #rename}). The other
 * operations (mkdir, symlink, link, readlink, stat, times), for which java.nio has no call
 * relative to a directory handle, use the *at system calls on Linux ({@link NativeAt},
 * {@link #at}) relative to a native directory fd walked the same way; elsewhere they act on the
 * last component without following links and re-check the real parent directory just before
 * acting ({@link #verifyInside}), which narrows the window to the operation itself.
 */
final class Sandbox {

    static final int MAX_SYMLINKS = 32;

    private Sandbox() {
    }

    /** A resolved path: the host path, and whether the guest's path ended in '/' (must be a directory). */
    record Resolved(Path host, boolean trailingSlash) {
    }

    /**
     * Resolves {@code guestPath} relative to {@code dir}. With {@code followLast} a symlink in the
     * last component is followed too; without it the result names the link itself. The last
     * component need not exist; every earlier one must be a directory.
     */
    static Resolved resolve(DirectoryDescriptor dir, String guestPath, boolean followLast) {
        if (guestPath.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (guestPath.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (guestPath.startsWith("/")) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = guestPath.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(split(guestPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (done.isEmpty()) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                done.removeLast();
                continue;
            }
            boolean last = pending.isEmpty();
            Path host = join(dir.path, done).resolve(name);
            if (!last || followLast || trailingSlash) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    if (last) {
                        done.add(name);
                        break;
                    }
                    throw new WasiError(Errno.NOENT);
                } catch (IOException e) {
                    throw new WasiError(Errno.of(e));
                }
                if (attrs.isSymbolicLink()) {
                    if (++links > MAX_SYMLINKS) {
                        throw new WasiError(Errno.LOOP);
                    }
                    String target = readLink(host);
                    if (target.startsWith("/") || target.isEmpty()) {
                        throw new WasiError(Errno.NOTCAPABLE);
                    }
                    List<String> parts = split(target);
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        pending.addFirst(parts.get(i));
                    }
                    continue;
                }
                if (!last && !attrs.isDirectory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
            }
            done.add(name);
        }
        return new Resolved(join(dir.path, done), trailingSlash);
    }

    /** The host path for {@code guestPath} under {@code dir}, following a final symlink or not. */
    static Path path(DirectoryDescriptor dir, String guestPath, boolean followLast) {
        return resolve(dir, guestPath, followLast).host();
    }

    /**
     * After an open, checks that the file really lies under {@code dir}: its parent's real path
     * (resolved by the host now, after the open) must still be inside the directory. Catches a
     * directory swapped for a symlink between {@link #resolve} and the open.
     */
    static void verifyInside(DirectoryDescriptor dir, Path opened) {
        try {
            Path parent = opened.equals(dir.path) ? null : opened.getParent();
            Path real = (parent == null ? opened : parent).toRealPath();
            if (!real.startsWith(dir.path)) {
                throw new WasiError(Errno.NOTCAPABLE);
            }
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }

    /**
     * Opens the regular file {@code host} ({@link #resolve}d under {@code dir}) as described in the
     * class comment; without a handle (a platform lacking SecureDirectoryStream), by path, checked
     * with {@link #verifyInside} afterwards.
     */
    static FileChannel openFile(DirectoryDescriptor dir, Path host, Set<OpenOption> options) throws IOException {
        if (dir.handle == null) {
            FileChannel channel = FileChannel.open(host, options);
            try {
                verifyInside(dir, host);
            } catch (WasiError e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        Path rel = dir.path.relativize(host);
        SecureDirectoryStream<Path> parent = walk(dir.handle, rel, rel.getNameCount() - 1);
        try {
            SeekableByteChannel channel = parent.newByteChannel(rel.getFileName(), options);
            if (channel instanceof FileChannel f) {
                return f;
            }
            channel.close();
            throw new WasiError(Errno.NOTSUP);
        } finally {
            if (parent != dir.handle) {
                parent.close();
            }
        }
    }

    /** An open handle on the directory {@code host} under {@code dir}, found like {@link #openFile}; null without handles. */
    static SecureDirectoryStream<Path> openDirectory(DirectoryDescriptor dir, Path host) throws IOException {
        if (dir.handle == null) {
            return null;
        }
        if (host.equals(dir.path)) {
            return dir.handle.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS);
        }
        Path rel = dir.path.relativize(host);
        return walk(dir.handle, rel, rel.getNameCount());
    }

    /** Removes the file (or, with {@code directory}, the empty directory) {@code host} under {@code dir}: unlinkat from its parent's handle. */
    static void delete(DirectoryDescriptor dir, Path host, boolean directory) throws IOException {
        if (dir.handle == null || host.equals(dir.path)) {
            verifyInside(dir, host);
            Files.delete(host);
            return;
        }
        Path rel = dir.path.relativize(host);
        SecureDirectoryStream<Path> parent = walk(dir.handle, rel, rel.getNameCount() - 1);
        try {
            if (directory) {
                parent.deleteDirectory(rel.getFileName());
            } else {
                parent.deleteFile(rel.getFileName());
            }
        } finally {
            if (parent != dir.handle) {
                parent.close();
            }
        }
    }

    /** Renames {@code source} under {@code from} to {@code target} under {@code to}, replacing it as rename(2) does: renameat between the parents' handles. */
    static void rename(DirectoryDescriptor from, Path source, DirectoryDescriptor to, Path target) throws IOException {
        if (from.handle == null || to.handle == null) {
            verifyInside(from, source);
            verifyInside(to, target);
            Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path relSource = from.path.relativize(source);
        Path relTarget = to.path.relativize(target);
        SecureDirectoryStream<Path> sourceParent = walk(from.handle, relSource, relSource.getNameCount() - 1);
        try {
            SecureDirectoryStream<Path> targetParent = walk(to.handle, relTarget, relTarget.getNameCount() - 1);
            try {
                sourceParent.move(relSource.getFileName(), targetParent, relTarget.getFileName());
            } finally {
                if (targetParent != to.handle) {
                    targetParent.close();
                }
            }
        } finally {
            if (sourceParent != from.handle) {
                sourceParent.close();
            }
        }
    }

    /** An action on one name relative to a directory file descriptor (see {@link NativeAt}). */
    interface AtAction<T> {
        T apply(NativeAt at, int dirfd, String name);
    }

    /** Whether operations under {@code dir} go through {@link NativeAt} (Linux, with the directory's fd open). */
    static boolean isNative(DirectoryDescriptor dir) {
        return dir.fd >= 0 && NativeAt.LINUX != null;
    }

    /**
     * Runs {@code action} on the last component of {@code host} ({@link #resolve}d under {@code dir},
     * which {@link #isNative}) relative to its parent directory, opened from {@code dir}'s fd one
     * component at a time without following links, so a directory swapped for a symlink after the
     * check makes the walk fail instead of leading outside. {@code dir} itself is named ".".
     */
    static <T> T at(DirectoryDescriptor dir, Path host, AtAction<T> action) {
        NativeAt at = NativeAt.LINUX;
        if (host.equals(dir.path)) {
            return action.apply(at, dir.fd, ".");
        }
        Path rel = dir.path.relativize(host);
        int parent = walkNative(at, dir.fd, rel, rel.getNameCount() - 1);
        try {
            return action.apply(at, parent, rel.getFileName().toString());
        } finally {
            if (parent != dir.fd) {
                at.close(parent);
            }
        }
    }

    /** A native fd on the directory {@code host} under {@code dir}, found like {@link #at}; -1 without native calls. */
    static int openNativeDirectory(DirectoryDescriptor dir, Path host) {
        if (!isNative(dir)) {
            return -1;
        }
        NativeAt at = NativeAt.LINUX;
        if (host.equals(dir.path)) {
            return at.openDirectory(dir.fd, ".");
        }
        Path rel = dir.path.relativize(host);
        return walkNative(at, dir.fd, rel, rel.getNameCount());
    }

    /** A native fd on a preopened directory, or -1 where the native calls are not available. */
    static int openNativeRoot(Path directory) {
        if (NativeAt.LINUX == null) {
            return -1;
        }
        try {
            return NativeAt.LINUX.openRoot(directory.toAbsolutePath().toString());
        } catch (WasiError e) {
            return -1;
        }
    }

    private static int walkNative(NativeAt at, int from, Path rel, int count) {
        int current = from;
        try {
            for (int i = 0; i < count; i++) {
                int next = at.openDirectory(current, rel.getName(i).toString());
                if (current != from) {
                    at.close(current);
                }
                current = next;
            }
        } catch (RuntimeException e) {
            if (current != from) {
                at.close(current);
            }
            throw e;
        }
        return current;
    }

    /** An open handle on a preopened directory, or null where the platform has no SecureDirectoryStream. */
    static SecureDirectoryStream<Path> openHandle(Path directory) {
        try {
            DirectoryStream<Path> s = Files.newDirectoryStream(directory);
            if (s instanceof SecureDirectoryStream<Path> secure) {
                return secure;
            }
            s.close();
        } catch (IOException e) {
            // No handle: opens go by path and are verified afterwards.
        }
        return null;
    }

    /** Opens the first {@code count} components of {@code rel} as directories, each inside the last, following no link. */
    private static SecureDirectoryStream<Path> walk(SecureDirectoryStream<Path> from, Path rel, int count)
            throws IOException {
        SecureDirectoryStream<Path> current = from;
        try {
            for (int i = 0; i < count; i++) {
                SecureDirectoryStream<Path> next = current.newDirectoryStream(rel.getName(i), LinkOption.NOFOLLOW_LINKS);
                if (current != from) {
                    current.close();
                }
                current = next;
            }
        } catch (IOException | RuntimeException e) {
            if (current != from) {
                current.close();
            }
            throw e;
        }
        return current;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static Path join(Path root, List<String> names) {
        Path p = root;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p;
    }
}
