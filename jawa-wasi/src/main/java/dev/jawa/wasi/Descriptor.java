package dev.jawa.wasi;

import java.io.IOException;

/**
 * An open file descriptor of the guest: what it refers to, its rights (what the guest may do
 * with it, and what descriptors opened through it may do) and its fdflags.
 */
abstract sealed class Descriptor
        permits StreamDescriptor, FileDescriptor, DirectoryDescriptor, SocketDescriptor, ListenerDescriptor {

    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 2;
    static final int FDFLAG_NONBLOCK = 4;
    static final int FDFLAG_RSYNC = 8;
    static final int FDFLAG_SYNC = 16;

    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    /** The WASI filetype of what this descriptor refers to. */
    abstract int filetype();

    /** Releases what the descriptor holds (the standard streams stay open). */
    abstract void close() throws IOException;

    /** Fails with NOTCAPABLE unless the descriptor has every right in {@code rights}. */
    final void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }
}
