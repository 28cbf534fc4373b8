/* The two POSIX functions SQLite's shell calls that wasi-libc lacks, for the WASI build of the
 * shell (build-sqlite3.sh). A WASI program sees only the paths it is given, so realpath() returns
 * the path as given; chmod() has no permission bits to change under WASI and succeeds. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *realpath(const char *path, char *resolved) {
    if (path == NULL) {
        errno = EINVAL;
        return NULL;
    }
    size_t n = strlen(path);
    if (resolved == NULL) {
        return strdup(path);
    }
    if (n >= 4096) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    memcpy(resolved, path, n + 1);
    return resolved;
}

int chmod(const char *path, mode_t mode) {
    (void) path;
    (void) mode;
    return 0;
}
