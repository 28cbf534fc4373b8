package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A regular file open on a FileChannel; {@code path} is where it was opened (for stat and times). */
final class FileDescriptor extends Descriptor {

    final FileChannel channel;
    final Path path;

    FileDescriptor(FileChannel channel, Path path, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.channel = channel;
        this.path = path;
    }

    @Override
    int filetype() {
        return FILETYPE_REGULAR_FILE;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
