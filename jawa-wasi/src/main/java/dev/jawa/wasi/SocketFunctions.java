package dev.jawa.wasi;

import static dev.jawa.wasi.GuestMemory.ptr;

import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;

/** sock_accept, sock_recv, sock_send, sock_shutdown on the sockets the host handed in (and those accepted from them). */
final class SocketFunctions {

    private SocketFunctions() {
    }

    private static final int RIFLAGS_PEEK = 1;
    private static final int RIFLAGS_WAITALL = 2;
    private static final int SDFLAGS_RD = 1;
    private static final int SDFLAGS_WR = 2;

    static void define(Wasi w, HostFunctions h) {
        GuestMemory m = w.memory;
        FdTable fds = w.fds;

        h.define("sock_accept", "iii", a -> {
            Descriptor d = fds.get((int) a[0]);
            if (!(d instanceof ListenerDescriptor l)) {
                return d instanceof SocketDescriptor ? Errno.INVAL : Errno.NOTSOCK;
            }
            l.require(Rights.SOCK_ACCEPT);
            int flags = (int) a[1];
            if ((flags & ~Descriptor.FDFLAG_NONBLOCK) != 0) {
                return Errno.INVAL;
            }
            SocketChannel c = l.channel.accept();
            if (c == null) {
                return Errno.AGAIN; // a non-blocking listener with no connection waiting
            }
            c.configureBlocking((flags & Descriptor.FDFLAG_NONBLOCK) == 0);
            SocketDescriptor s = new SocketDescriptor(c, true);
            s.fdflags = flags;
            m.putI32(ptr(a[2]), fds.add(s));
            return Errno.SUCCESS;
        });
        h.define("sock_recv", "iiiiii", a -> {
            SocketDescriptor s = socket(fds, a[0]);
            s.require(Rights.FD_READ);
            int flags = (int) a[3];
            if ((flags & ~(RIFLAGS_PEEK | RIFLAGS_WAITALL)) != 0) {
                return Errno.INVAL;
            }
            if ((flags & RIFLAGS_PEEK) != 0) {
                return Errno.NOTSUP; // java.nio's SocketChannel cannot peek
            }
            GuestMemory.IoVec[] iovs = m.iovecs(ptr(a[1]), ptr(a[2]));
            ByteBuffer[] bufs = FdFunctions.readBuffers(m, iovs);
            long total = 0;
            try {
                do {
                    long n = s.channel.read(bufs);
                    if (n < 0) {
                        break;
                    }
                    if (n == 0 && !s.channel.isBlocking()) {
                        if (total == 0) {
                            return Errno.AGAIN;
                        }
                        break;
                    }
                    total += n;
                } while ((flags & RIFLAGS_WAITALL) != 0 && bufs[bufs.length - 1].hasRemaining());
            } catch (NotYetConnectedException e) {
                return Errno.NOTCONN;
            }
            FdFunctions.finishRead(m, iovs, bufs, total);
            m.putI32(ptr(a[4]), (int) total);
            m.putI16(ptr(a[5]), 0);
            return Errno.SUCCESS;
        });
        h.define("sock_send", "iiiii", a -> {
            SocketDescriptor s = socket(fds, a[0]);
            s.require(Rights.FD_WRITE);
            if (a[3] != 0) {
                return Errno.INVAL; // siflags has no flags defined
            }
            ByteBuffer[] bufs = FdFunctions.writeBuffers(m, m.iovecs(ptr(a[1]), ptr(a[2])));
            long n;
            try {
                n = s.channel.write(bufs);
            } catch (NotYetConnectedException e) {
                return Errno.NOTCONN;
            }
            if (n == 0 && !s.channel.isBlocking() && bufs.length > 0 && bufs[0].hasRemaining()) {
                return Errno.AGAIN;
            }
            m.putI32(ptr(a[4]), (int) n);
            return Errno.SUCCESS;
        });
        h.define("sock_shutdown", "ii", a -> {
            SocketDescriptor s = socket(fds, a[0]);
            s.require(Rights.SOCK_SHUTDOWN);
            int how = (int) a[1];
            if (how == 0 || (how & ~(SDFLAGS_RD | SDFLAGS_WR)) != 0) {
                return Errno.INVAL;
            }
            try {
                if ((how & SDFLAGS_RD) != 0) {
                    s.channel.shutdownInput();
                }
                if ((how & SDFLAGS_WR) != 0) {
                    s.channel.shutdownOutput();
                }
            } catch (NotYetConnectedException e) {
                return Errno.NOTCONN;
            }
            return Errno.SUCCESS;
        });
    }

    private static SocketDescriptor socket(FdTable fds, long fd) {
        Descriptor d = fds.get((int) fd);
        if (!(d instanceof SocketDescriptor s)) {
            throw new WasiError(Errno.NOTSOCK);
        }
        return s;
    }
}
