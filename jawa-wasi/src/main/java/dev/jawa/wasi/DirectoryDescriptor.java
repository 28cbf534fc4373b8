package dev.jawa.wasi;

import java.nio.file.SecureDirectoryStream;
import java.util.List;

/**
 * A directory: the root of every path resolved through it (paths never leave it, see
 * {@link Sandbox}). {@code path} is its host path, found component by component from a preopen;
 * {@code preopenName} is the guest's name for a preopen, null for directories opened later.
 */
final class DirectoryDescriptor extends Descriptor {

    final java.nio.file.Path path;
    final String preopenName;
    final boolean readOnly;
    /**
     * The directory itself, held open (an fd, where the platform has {@link SecureDirectoryStream}),
     * so that files are opened relative to it rather than through its path; null where the
     * platform lacks it.
     */
    SecureDirectoryStream<java.nio.file.Path> handle;
    /**
     * The directory held open as a native file descriptor for the *at system calls
     * ({@link NativeAt}), or -1 where they are not available.
     */
    int fd = -1;
    /** The entries of the last fd_readdir listing, reused while the guest pages through it. */
    List<DirEntry> listing;

    /** One entry of a listing. */
    record DirEntry(String name, long inode, int filetype) {
    }

    DirectoryDescriptor(java.nio.file.Path path, String preopenName, boolean readOnly, long rightsBase,
            long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.path = path;
        this.preopenName = preopenName;
        this.readOnly = readOnly;
    }

    @Override
    int filetype() {
        return FILETYPE_DIRECTORY;
    }

    @Override
    void close() throws java.io.IOException {
        listing = null;
        if (handle != null) {
            handle.close();
            handle = null;
        }
        if (fd >= 0) {
            NativeAt.LINUX.close(fd);
            fd = -1;
        }
    }
}
