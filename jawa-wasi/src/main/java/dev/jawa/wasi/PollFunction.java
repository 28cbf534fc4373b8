package dev.jawa.wasi;

import static dev.jawa.wasi.GuestMemory.ptr;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * poll_oneoff: waits until a subscribed clock expires or a subscribed descriptor is ready. Files
 * and output streams are always ready; stdin is ready when it has bytes (or when nothing else could
 * end the wait, since a read would then block anyway); sockets are asked through a Selector.
 */
final class PollFunction {

    private PollFunction() {
    }

    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int EVENTTYPE_CLOCK = 0;
    private static final int EVENTTYPE_FD_READ = 1;
    private static final int EVENTTYPE_FD_WRITE = 2;
    private static final int SUBCLOCKFLAGS_ABSTIME = 1;
    /** How long to wait between looks at stdin and sockets while a clock runs. */
    private static final long POLL_SLICE_NANOS = 1_000_000;

    private record Subscription(long userdata, int type, int clockId, long timeout, int flags, int fd) {
    }

    private record Event(long userdata, int error, int type, long nbytes) {
    }

    static void define(Wasi w, HostFunctions h) {
        GuestMemory m = w.memory;
        h.define("poll_oneoff", "iiii", a -> {
            long in = ptr(a[0]);
            long out = ptr(a[1]);
            long n = ptr(a[2]);
            if (n == 0) {
                return Errno.INVAL;
            }
            if (n > 65536) {
                return Errno.INVAL;
            }
            List<Subscription> subs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = in + (long) SUBSCRIPTION_SIZE * i;
                int type = m.u8(s + 8);
                if (type == EVENTTYPE_CLOCK) {
                    subs.add(new Subscription(m.i64(s), type, m.i32(s + 16), m.i64(s + 24), m.u16(s + 40), -1));
                } else if (type == EVENTTYPE_FD_READ || type == EVENTTYPE_FD_WRITE) {
                    subs.add(new Subscription(m.i64(s), type, 0, 0, 0, m.i32(s + 16)));
                } else {
                    return Errno.INVAL;
                }
            }
            List<Event> events = poll(w, subs);
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                long p = out + (long) EVENT_SIZE * i;
                m.putI64(p, e.userdata());
                m.putI16(p + 8, e.error());
                m.putI8(p + 10, e.type());
                m.putI64(p + 16, e.nbytes());
                m.putI64(p + 24, 0);
            }
            m.putI32(ptr(a[3]), events.size());
            return Errno.SUCCESS;
        });
    }

    private static List<Event> poll(Wasi w, List<Subscription> subs) throws IOException {
        WasiClock clock = w.config.clock;
        List<Event> events = new ArrayList<>();
        // Each clock's deadline on the monotonic clock.
        long start = clock.monotonicNanos();
        long[] deadline = new long[subs.size()];
        boolean anyClock = false;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < subs.size(); i++) {
            Subscription s = subs.get(i);
            if (s.type() != EVENTTYPE_CLOCK) {
                continue;
            }
            long remaining;
            try {
                remaining = (s.flags() & SUBCLOCKFLAGS_ABSTIME) != 0
                        ? s.timeout() - ProcessFunctions.now(clock, s.clockId()) : s.timeout();
            } catch (WasiError e) {
                events.add(new Event(s.userdata(), e.errno, EVENTTYPE_CLOCK, 0));
                continue;
            }
            deadline[i] = start + Math.max(0, remaining);
            anyClock = true;
            earliest = Math.min(earliest, deadline[i]);
        }
        if (!events.isEmpty()) {
            return events;
        }
        boolean anyPending = false;
        while (true) {
            anyPending = false;
            for (Subscription s : subs) {
                if (s.type() == EVENTTYPE_CLOCK) {
                    continue;
                }
                Event e = readiness(w, s);
                if (e != null) {
                    events.add(e);
                } else {
                    anyPending = true;
                }
            }
            if (!events.isEmpty()) {
                return events;
            }
            if (!anyClock) {
                // Only descriptors that are not ready yet and no timeout: stdin alone would block
                // in the read anyway; sockets are worth waiting for.
                if (!waitSockets(w, subs, -1)) {
                    for (Subscription s : subs) {
                        if (w.fds.get(s.fd()) instanceof StreamDescriptor) {
                            events.add(new Event(s.userdata(), 0, s.type(), 0));
                        }
                    }
                }
                if (!events.isEmpty()) {
                    return events;
                }
                continue;
            }
            long now = clock.monotonicNanos();
            if (now >= earliest) {
                for (int i = 0; i < subs.size(); i++) {
                    Subscription s = subs.get(i);
                    if (s.type() == EVENTTYPE_CLOCK && deadline[i] <= now) {
                        events.add(new Event(s.userdata(), 0, EVENTTYPE_CLOCK, 0));
                    }
                }
                return events;
            }
            long wait = earliest - now;
            try {
                if (anyPending) {
                    wait = Math.min(wait, POLL_SLICE_NANOS);
                }
                clock.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WasiError(Errno.INTR);
            }
        }
    }

    /** The event for a descriptor subscription if it is ready now, else null. */
    private static Event readiness(Wasi w, Subscription s) throws IOException {
        Descriptor d;
        try {
            d = w.fds.get(s.fd());
        } catch (WasiError e) {
            return new Event(s.userdata(), e.errno, s.type(), 0);
        }
        if ((d.rightsBase & Rights.POLL_FD_READWRITE) == 0 && !(d instanceof DirectoryDescriptor)) {
            return new Event(s.userdata(), Errno.NOTCAPABLE, s.type(), 0);
        }
        boolean reading = s.type() == EVENTTYPE_FD_READ;
        switch (d) {
            case FileDescriptor f -> {
                long left = reading ? Math.max(0, f.channel.size() - f.channel.position()) : 0;
                return new Event(s.userdata(), 0, s.type(), left);
            }
            case StreamDescriptor st -> {
                if (!reading) {
                    return st.out != null ? new Event(s.userdata(), 0, s.type(), 0)
                            : new Event(s.userdata(), Errno.BADF, s.type(), 0);
                }
                if (st.in == null) {
                    return new Event(s.userdata(), Errno.BADF, s.type(), 0);
                }
                int available = st.in.available();
                return available > 0 ? new Event(s.userdata(), 0, s.type(), available) : null;
            }
            case SocketDescriptor so -> {
                return ready(so.channel, reading ? SelectionKey.OP_READ : SelectionKey.OP_WRITE, 0)
                        ? new Event(s.userdata(), 0, s.type(), 0) : null;
            }
            case ListenerDescriptor l -> {
                if (!reading) {
                    return new Event(s.userdata(), Errno.INVAL, s.type(), 0);
                }
                return ready(l.channel, SelectionKey.OP_ACCEPT, 0) ? new Event(s.userdata(), 0, s.type(), 0) : null;
            }
            case DirectoryDescriptor dir -> {
                return new Event(s.userdata(), Errno.BADF, s.type(), 0);
            }
        }
    }

    /** Blocks until one subscribed socket is ready; false if no socket is subscribed. */
    private static boolean waitSockets(Wasi w, List<Subscription> subs, long unused) throws IOException {
        List<SelectableChannel> channels = new ArrayList<>();
        List<Integer> ops = new ArrayList<>();
        for (Subscription s : subs) {
            if (s.type() == EVENTTYPE_CLOCK) {
                continue;
            }
            Descriptor d = w.fds.get(s.fd());
            boolean reading = s.type() == EVENTTYPE_FD_READ;
            if (d instanceof SocketDescriptor so) {
                channels.add(so.channel);
                ops.add(reading ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
            } else if (d instanceof ListenerDescriptor l) {
                channels.add(l.channel);
                ops.add(SelectionKey.OP_ACCEPT);
            }
        }
        if (channels.isEmpty()) {
            return false;
        }
        boolean[] blocking = new boolean[channels.size()];
        Selector selector = Selector.open();
        try {
            for (int i = 0; i < channels.size(); i++) {
                SelectableChannel c = channels.get(i);
                blocking[i] = c.isBlocking();
                c.configureBlocking(false);
                c.register(selector, ops.get(i));
            }
            selector.select();
        } finally {
            selector.close();
            for (int i = 0; i < channels.size(); i++) {
                channels.get(i).configureBlocking(blocking[i]);
            }
        }
        return true;
    }

    /** Whether {@code channel} is ready for {@code op} now (a look through a Selector, keeping its blocking mode). */
    private static boolean ready(SelectableChannel channel, int op, long unused) throws IOException {
        boolean blocking = channel.isBlocking();
        Selector selector = Selector.open();
        try {
            channel.configureBlocking(false);
            channel.register(selector, op);
            return selector.selectNow() > 0;
        } finally {
            selector.close();
            channel.configureBlocking(blocking);
        }
    }
}
