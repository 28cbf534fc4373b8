package dev.jawa.wasi;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** The errno values of wasi_snapshot_preview1 (the witx {@code errno} enum), and the mapping from Java's I/O errors. */
public final class Errno {

    private Errno() {
    }

    public static final int SUCCESS = 0;
    public static final int TOOBIG = 1;
    public static final int ACCES = 2;
    public static final int AGAIN = 6;
    public static final int BADF = 8;
    public static final int BUSY = 10;
    public static final int CONNRESET = 15;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int INTR = 27;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MFILE = 33;
    public static final int MLINK = 34;
    public static final int NAMETOOLONG = 37;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTCONN = 53;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int PIPE = 64;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    /**
     * The errno for a Java I/O failure. java.nio reports the OS's errors as exception classes where
     * it has one, else as a {@link FileSystemException} whose reason is the OS's strerror text,
     * which is matched here.
     */
    public static int of(Throwable e) {
        return switch (e) {
            case NoSuchFileException x -> NOENT;
            case FileAlreadyExistsException x -> EXIST;
            case DirectoryNotEmptyException x -> NOTEMPTY;
            case NotDirectoryException x -> NOTDIR;
            case NotLinkException x -> INVAL;
            case AccessDeniedException x -> ACCES;
            case FileSystemLoopException x -> LOOP;
            case ClosedChannelException x -> BADF;
            case NonReadableChannelException x -> BADF;
            case NonWritableChannelException x -> BADF;
            case FileSystemException x -> ofReason(x.getReason());
            case IOException x -> ofReason(x.getMessage());
            default -> IO;
        };
    }

    private static int ofReason(String reason) {
        if (reason == null) {
            return IO;
        }
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("not a directory")) {
            return NOTDIR;
        } else if (r.contains("is a directory")) {
            return ISDIR;
        } else if (r.contains("too many levels of symbolic links")) {
            return LOOP;
        } else if (r.contains("directory not empty")) {
            return NOTEMPTY;
        } else if (r.contains("file exists")) {
            return EXIST;
        } else if (r.contains("no such file")) {
            return NOENT;
        } else if (r.contains("permission denied")) {
            return ACCES;
        } else if (r.contains("operation not permitted")) {
            return PERM;
        } else if (r.contains("read-only file system")) {
            return ROFS;
        } else if (r.contains("no space left")) {
            return NOSPC;
        } else if (r.contains("file name too long")) {
            return NAMETOOLONG;
        } else if (r.contains("invalid cross-device link")) {
            return XDEV;
        } else if (r.contains("too many links")) {
            return MLINK;
        } else if (r.contains("file too large")) {
            return FBIG;
        } else if (r.contains("invalid argument")) {
            return INVAL;
        } else if (r.contains("broken pipe")) {
            return PIPE;
        } else if (r.contains("connection reset")) {
            return CONNRESET;
        } else if (r.contains("not connected")) {
            return NOTCONN;
        }
        return IO;
    }
}
