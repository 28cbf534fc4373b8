package dev.jawa.wasi;

import java.util.ArrayList;
import java.util.List;

/** The guest's descriptors by number; a closed number is reused by the next open, lowest first, as POSIX does. */
final class FdTable {

    /** More open descriptors than this is EMFILE. */
    static final int MAX = 4096;

    private final List<Descriptor> fds = new ArrayList<>();

    /** The descriptor {@code fd}, or BADF. */
    synchronized Descriptor get(int fd) {
        if (fd < 0 || fd >= fds.size() || fds.get(fd) == null) {
            throw new WasiError(Errno.BADF);
        }
        return fds.get(fd);
    }

    /** {@code fd} as a {@code type}, else {@code errno} (BADF if there is no such descriptor). */
    <T extends Descriptor> T get(int fd, Class<T> type, int errno) {
        Descriptor d = get(fd);
        if (!type.isInstance(d)) {
            throw new WasiError(errno);
        }
        return type.cast(d);
    }

    /** Adds {@code d} at the lowest free number. */
    synchronized int add(Descriptor d) {
        for (int i = 0; i < fds.size(); i++) {
            if (fds.get(i) == null) {
                fds.set(i, d);
                return i;
            }
        }
        if (fds.size() >= MAX) {
            throw new WasiError(Errno.MFILE);
        }
        fds.add(d);
        return fds.size() - 1;
    }

    /** Removes {@code fd} and returns what it was. */
    synchronized Descriptor remove(int fd) {
        Descriptor d = get(fd);
        fds.set(fd, null);
        return d;
    }

    /** Makes {@code to} refer to what {@code from} refers to, closing {@code to}'s old file; {@code from} becomes free. */
    synchronized Descriptor renumber(int from, int to) {
        Descriptor d = get(from);
        Descriptor old = get(to);
        if (from == to) {
            return null;
        }
        fds.set(to, d);
        fds.set(from, null);
        return old;
    }

    /** Every open descriptor, for closing them all. */
    synchronized List<Descriptor> all() {
        return fds.stream().filter(java.util.Objects::nonNull).toList();
    }
}
