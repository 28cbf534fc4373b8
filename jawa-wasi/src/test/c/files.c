/* Regular files through descriptors: path_open (creat, excl, trunc, directory, read-only),
 * fd_write, fd_read, fd_seek, fd_tell, fd_pread, fd_pwrite, fd_filestat_get,
 * fd_filestat_set_size, fd_allocate, fd_advise, fd_sync, fd_datasync, fd_fdstat_get,
 * fd_fdstat_set_flags (append), fd_fdstat_set_rights, fd_filestat_set_times, fd_renumber,
 * fd_close. Runs in an empty directory (the preopen "." under WASI, the working directory
 * natively). */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"
#ifdef __wasi__
#include <wasi/api.h>
#include <wasi/libc.h>
#endif

static long size_of(int fd) {
    struct stat st;
    return fstat(fd, &st) == 0 ? (long) st.st_size : -1;
}

static long tell(int fd) {
#ifdef __wasi__
    __wasi_filesize_t pos;
    return __wasi_fd_tell(fd, &pos) == 0 ? (long) pos : -1;
#else
    return (long) lseek(fd, 0, SEEK_CUR);
#endif
}

/* Takes away fd's right to write: WASI drops the right; natively the file is reopened read-only. */
static int drop_write(int fd, const char *path) {
#ifdef __wasi__
    __wasi_fdstat_t st;
    if (__wasi_fd_fdstat_get(fd, &st) != 0) return -1;
    (void) path;
    return __wasi_fd_fdstat_set_rights(fd, st.fs_rights_base & ~__WASI_RIGHTS_FD_WRITE, st.fs_rights_inheriting) == 0 ? 0 : -1;
#else
    int ro = open(path, O_RDONLY);
    if (ro < 0 || dup2(ro, fd) < 0) return -1;
    return close(ro);
#endif
}

/* Moves fd to number `to` (closing what `to` was), as fd_renumber does. */
static int renumber(int fd, int to) {
#ifdef __wasi__
    return __wasilibc_fd_renumber(fd, to);
#else
    if (dup2(fd, to) < 0) return -1;
    return close(fd);
#endif
}

int main(void) {
    char buf[64];
    int fd = open("a.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("open a.txt: %s\n", fd >= 0 ? "ok" : errname(errno));
    SHOW("write", write(fd, "hello world\n", 12));
    printf("tell: %ld\n", tell(fd));
    SHOW("lseek(6, SET)", lseek(fd, 6, SEEK_SET));
    memset(buf, 0, sizeof buf);
    SHOW("read 5", read(fd, buf, 5));
    printf("  got: %s\n", buf);
    SHOW("lseek(-3, END)", lseek(fd, -3, SEEK_END));
    SHOW("lseek(1, CUR)", lseek(fd, 1, SEEK_CUR));
    SHOW("lseek(-100, SET)", lseek(fd, -100, SEEK_SET));
    memset(buf, 0, sizeof buf);
    SHOW("pread 5 at 0", pread(fd, buf, 5, 0));
    printf("  got: %s\n", buf);
    SHOW("pwrite HELLO at 0", pwrite(fd, "HELLO", 5, 0));
    memset(buf, 0, sizeof buf);
    SHOW("pread 12 at 0", pread(fd, buf, 12, 0));
    printf("  got: %s", buf);
    printf("tell after pread/pwrite: %ld\n", tell(fd));
    SHOW("pread at 100 (past the end)", pread(fd, buf, 5, 100));
    struct stat st;
    SHOW("fstat", fstat(fd, &st));
    printf("  size %ld, regular %d, dir %d, nlink %ld\n", (long) st.st_size, S_ISREG(st.st_mode) != 0,
           S_ISDIR(st.st_mode) != 0, (long) st.st_nlink);
    SHOW("ftruncate 5", ftruncate(fd, 5));
    printf("  size %ld\n", size_of(fd));
    SHOW("ftruncate 100", ftruncate(fd, 100));
    printf("  size %ld\n", size_of(fd));
    printf("posix_fallocate 0+200: %s\n", errname(posix_fallocate(fd, 0, 200)));
    printf("  size %ld\n", size_of(fd));
    printf("posix_fadvise sequential: %s\n", errname(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)));
    SHOW("fsync", fsync(fd));
    SHOW("fdatasync", fdatasync(fd));
    int fl = fcntl(fd, F_GETFL);
    printf("F_GETFL: append %d, rdwr %d\n", (fl & O_APPEND) != 0, (fl & O_ACCMODE) == O_RDWR);
    SHOW("F_SETFL append", fcntl(fd, F_SETFL, O_APPEND));
    fl = fcntl(fd, F_GETFL);
    printf("F_GETFL: append %d\n", (fl & O_APPEND) != 0);
    SHOW("lseek(0, SET)", lseek(fd, 0, SEEK_SET));
    SHOW("write tail (appends)", write(fd, "tail", 4));
    printf("  size %ld\n", size_of(fd));
    struct timespec times[2] = {{1000000000, 0}, {1500000000, 250000000}};
    SHOW("futimens", futimens(fd, times));
    fstat(fd, &st);
    printf("  atime %ld, mtime %ld.%09ld\n", (long) st.st_atim.tv_sec, (long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
    SHOW("drop the write right", drop_write(fd, "a.txt"));
    SHOW("write without the right", write(fd, "x", 1));
    SHOW("close", close(fd));
    SHOW("close again", close(fd));
    SHOW("write to closed", write(fd, "x", 1));

    int x = open("b.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    int y = open("c.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    SHOW("write X to b", write(x, "X", 1));
    SHOW("renumber b onto c's number", renumber(x, y));
    SHOW("write Y through c's number", write(y, "Y", 1));
    SHOW("write through b's old number", write(x, "Z", 1));
    close(y);
    int r = open("b.txt", O_RDONLY);
    memset(buf, 0, sizeof buf);
    SHOW("read b", read(r, buf, sizeof buf));
    printf("  got: %s\n", buf);
    SHOW("write to a read-only fd", write(r, "x", 1));
    SHOW("ftruncate a read-only fd", ftruncate(r, 0) == 0 ? 0 : -1);
    close(r);
    printf("c.txt size: %ld\n", (stat("c.txt", &st) == 0) ? (long) st.st_size : -1L);

    SHOW("open missing", open("missing.txt", O_RDONLY));
    SHOW("open excl existing", open("b.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    SHOW("open file as directory", open("b.txt", O_RDONLY | O_DIRECTORY));
    SHOW("open file with trailing slash", open("b.txt/", O_RDONLY));
    SHOW("open missing/x", open("missing/x", O_RDONLY));
    SHOW("open b.txt/x", open("b.txt/x", O_RDONLY));
    SHOW("open . for writing", open(".", O_WRONLY));
    int d = open(".", O_RDONLY | O_DIRECTORY);
    printf("open . as directory: %s\n", d >= 0 ? "ok" : errname(errno));
    SHOW("read a directory", read(d, buf, 1));
    SHOW("lseek a directory", lseek(d, 0, SEEK_SET) < 0 ? -1 : 0);
    close(d);
    unlink("a.txt");
    unlink("b.txt");
    unlink("c.txt");
    return 0;
}
