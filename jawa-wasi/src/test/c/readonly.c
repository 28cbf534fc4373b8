/* A read-only preopen: reading works; writing, creating, removing and renaming fail (WASI only:
 * run with the preopen "." read-only on a directory holding data.txt). */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

int main(void) {
    char buf[32] = {0};
    int fd = open("data.txt", O_RDONLY);
    SHOW("read data.txt", read(fd, buf, sizeof buf - 1));
    printf("  got: %s", buf);
    SHOW("write to it", write(fd, "x", 1));
    close(fd);
    SHOW("open data.txt for writing", open("data.txt", O_WRONLY));
    SHOW("create new.txt", open("new.txt", O_CREAT | O_WRONLY, 0644));
    SHOW("truncate data.txt", open("data.txt", O_RDONLY | O_TRUNC));
    SHOW("mkdir d", mkdir("d", 0755));
    SHOW("unlink data.txt", unlink("data.txt"));
    SHOW("rename data.txt", rename("data.txt", "moved.txt"));
    SHOW("symlink", symlink("data.txt", "l"));
    struct timespec times[2] = {{1, 0}, {1, 0}};
    SHOW("utimensat data.txt", utimensat(AT_FDCWD, "data.txt", times, 0));
    return 0;
}
