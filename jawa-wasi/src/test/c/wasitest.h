/* Shared helpers of Jawa's WASI test programs. Each program is plain POSIX C: built for
 * wasm32-wasi, wasi-libc turns its calls into WASI calls; built natively, the same calls go to the
 * host's libc, and both builds must print the same. Errors are printed by errno name (not
 * strerror text, which differs between libcs). */
#ifndef WASITEST_H
#define WASITEST_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *errname(int e) {
    switch (e) {
    case 0: return "OK";
    case EACCES: return "EACCES";
    case EBADF: return "EBADF";
    case EEXIST: return "EEXIST";
    case EINVAL: return "EINVAL";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case ENOENT: return "ENOENT";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EPERM: return "EPERM";
    case ESPIPE: return "ESPIPE";
    case ENOTSOCK: return "ENOTSOCK";
    case EROFS: return "EROFS";
    case EXDEV: return "EXDEV";
    case EBUSY: return "EBUSY";
#ifdef ENOTCAPABLE
    case ENOTCAPABLE: return "ENOTCAPABLE";
#endif
    default: return "E?";
    }
}

/* Prints "what: 0" or "what: -1 ENAME" for a call returning 0 / -1 with errno. */
#define SHOW(what, call) do { errno = 0; long r_ = (long) (call); \
    if (r_ < 0) printf("%s: %ld %s\n", what, r_, errname(errno)); else printf("%s: %ld\n", what, r_); } while (0)

#endif
