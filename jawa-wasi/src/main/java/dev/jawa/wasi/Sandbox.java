package dev.jawa.wasi;

import java.io.IOException;
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
 * symlink. Operations therefore act on the last component without following links, and opens
 * re-check the opened file's real parent directory afterwards ({@link #verifyInside}).
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
