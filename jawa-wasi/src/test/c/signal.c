/* proc_raise: a terminating signal ends the program as the host would (exit status 128 + 15). */
#include "wasitest.h"
#ifdef __wasi__
/* wasi-libc no longer declares proc_raise (nor offers raise() without an emulation library):
 * import it directly. 15 is SIGTERM in WASI's numbering too. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise")))
int wasi_proc_raise(int sig);
#else
#include <signal.h>
#endif

int main(void) {
    printf("raising SIGTERM\n");
    fflush(stdout);
#ifdef __wasi__
    wasi_proc_raise(15);
#else
    raise(SIGTERM);
#endif
    printf("still running\n");
    return 0;
}
