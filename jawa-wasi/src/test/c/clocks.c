/* Clocks, sleeping, randomness, yielding and exit: clock_res_get, clock_time_get (all four
 * clocks), poll_oneoff with a clock subscription, random_get, sched_yield, proc_exit. */
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "wasitest.h"
#ifdef __wasi__
#include <wasi/api.h>
#endif

static long long nanos(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return -1;
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The process and thread CPU clocks: wasi-libc has them only behind an emulation library, so the
 * WASI build asks clock_time_get directly. */
static long long cpu_nanos(int thread) {
#ifdef __wasi__
    __wasi_timestamp_t t;
    if (__wasi_clock_time_get(thread ? __WASI_CLOCKID_THREAD_CPUTIME_ID : __WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, &t) != 0)
        return -1;
    return (long long) t;
#else
    return nanos(thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID);
#endif
}

int main(void) {
    struct timespec res;
    SHOW("clock_getres(REALTIME)", clock_getres(CLOCK_REALTIME, &res));
    printf("resolution under 1ms: %s\n", res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000 ? "yes" : "no");
    SHOW("clock_getres(MONOTONIC)", clock_getres(CLOCK_MONOTONIC, &res));
    long long real = nanos(CLOCK_REALTIME);
    printf("realtime after 2020: %s\n", real > 1577836800LL * 1000000000LL ? "yes" : "no");
    long long t0 = nanos(CLOCK_MONOTONIC);
    struct timespec ten_ms = {0, 10 * 1000 * 1000};
    SHOW("nanosleep(10ms)", nanosleep(&ten_ms, NULL));
    long long t1 = nanos(CLOCK_MONOTONIC);
    printf("monotonic advanced by >= 10ms: %s\n", t1 - t0 >= 10000000LL ? "yes" : "no");
    SHOW("poll(no fds, 5ms)", poll(NULL, 0, 5));
    long long t2 = nanos(CLOCK_MONOTONIC);
    printf("monotonic advanced by >= 5ms: %s\n", t2 - t1 >= 5000000LL ? "yes" : "no");
    printf("process cpu time >= 0: %s\n", cpu_nanos(0) >= 0 ? "yes" : "no");
    printf("thread cpu time >= 0: %s\n", cpu_nanos(1) >= 0 ? "yes" : "no");
    unsigned char buf[64];
    memset(buf, 0, sizeof buf);
    SHOW("getentropy(64)", getentropy(buf, sizeof buf));
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof buf; i++) nonzero += buf[i] != 0;
    printf("random bytes not all zero: %s\n", nonzero > 0 ? "yes" : "no");
    SHOW("sched_yield", sched_yield());
    fflush(stdout);
    exit(3);
}
