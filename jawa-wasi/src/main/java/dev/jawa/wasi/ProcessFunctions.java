package dev.jawa.wasi;

import static dev.jawa.wasi.GuestMemory.ptr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** args_*, environ_*, clock_*, random_get, proc_exit, proc_raise, sched_yield. */
final class ProcessFunctions {

    private ProcessFunctions() {
    }

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    static void define(Wasi w, HostFunctions h) {
        GuestMemory m = w.memory;
        List<byte[]> args = cStrings(w.config.args);
        List<String> envText = new ArrayList<>();
        for (Map.Entry<String, String> e : w.config.env.entrySet()) {
            envText.add(e.getKey() + "=" + e.getValue());
        }
        List<byte[]> env = cStrings(envText);

        h.define("args_sizes_get", "ii", a -> sizes(m, args, a[0], a[1]));
        h.define("args_get", "ii", a -> strings(m, args, a[0], a[1]));
        h.define("environ_sizes_get", "ii", a -> sizes(m, env, a[0], a[1]));
        h.define("environ_get", "ii", a -> strings(m, env, a[0], a[1]));

        h.define("clock_res_get", "ii", a -> {
            checkClock((int) a[0]);
            m.putI64(ptr(a[1]), w.config.clock.resolutionNanos());
            return Errno.SUCCESS;
        });
        h.define("clock_time_get", "iIi", a -> {
            m.putI64(ptr(a[2]), now(w.config.clock, (int) a[0]));
            return Errno.SUCCESS;
        });

        h.define("random_get", "ii", a -> {
            long len = ptr(a[1]);
            byte[] b = new byte[(int) Math.min(len, Integer.MAX_VALUE)];
            w.config.random.nextBytes(b);
            m.write(ptr(a[0]), b);
            return Errno.SUCCESS;
        });

        h.defineVoid("proc_exit", "i", a -> {
            throw new WasiExitException((int) a[0]);
        });
        h.define("proc_raise", "i", a -> raise((int) a[0]));
        h.define("sched_yield", "", a -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
    }

    /** The time of clock {@code id} in nanoseconds, or INVAL for an unknown clock. */
    static long now(WasiClock clock, int id) {
        return switch (id) {
            case CLOCK_REALTIME -> clock.realtimeNanos();
            case CLOCK_MONOTONIC -> clock.monotonicNanos();
            case CLOCK_PROCESS_CPUTIME -> clock.processCpuNanos();
            case CLOCK_THREAD_CPUTIME -> clock.threadCpuNanos();
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    private static void checkClock(int id) {
        if (id < 0 || id > CLOCK_THREAD_CPUTIME) {
            throw new WasiError(Errno.INVAL);
        }
    }

    /**
     * A signal's default action, as the host would take it: 0 checks nothing; signals that are
     * ignored by default (CHLD 16, CONT 17, URG 22, WINCH 27 in WASI's numbering) and the stop
     * signals (STOP 18, TSTP 19, TTIN 20, TTOU 21: there is no job control here) do nothing; every
     * other signal ends the program with 128 + its Linux number, as a shell reports a process
     * killed by it.
     */
    private static int raise(int sig) {
        if (sig < 0 || sig > 30) {
            throw new WasiError(Errno.INVAL);
        }
        if (sig == 0 || (sig >= 16 && sig <= 22) || sig == 27) {
            return Errno.SUCCESS;
        }
        throw new WasiExitException(128 + POSIX_SIGNAL[sig]);
    }

    /** WASI's signal numbers (witx {@code signal}) to Linux's: WASI has no SIGSTKFLT (Linux 16). */
    private static final int[] POSIX_SIGNAL = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
        29, 30, 31
    };

    private static List<byte[]> cStrings(List<String> strings) {
        List<byte[]> out = new ArrayList<>();
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.add(java.util.Arrays.copyOf(b, b.length + 1));
        }
        return out;
    }

    private static int sizes(GuestMemory m, List<byte[]> strings, long countPtr, long sizePtr) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length;
        }
        m.putI32(ptr(countPtr), strings.size());
        m.putI32(ptr(sizePtr), (int) size);
        return Errno.SUCCESS;
    }

    private static int strings(GuestMemory m, List<byte[]> strings, long ptrsPtr, long bufPtr) {
        long ptrs = ptr(ptrsPtr);
        long buf = ptr(bufPtr);
        for (int i = 0; i < strings.size(); i++) {
            m.putI32(ptrs + 4L * i, (int) buf);
            m.write(buf, strings.get(i));
            buf += strings.get(i).length;
        }
        return Errno.SUCCESS;
    }
}
