/* Sandbox escapes, each of which must fail: run (WASI only) with the preopen "." on a directory
 * the test prepared: inside.txt, link_in -> inside.txt, link_out -> ../outside/secret.txt,
 * link_abs -> an absolute path to secret.txt, sub/link_up -> ../../outside, loop1 <-> loop2.
 * ../outside/secret.txt exists next to it on the host. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static void try_open(const char *path) {
    errno = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("open %s: %s\n", path, errname(errno));
        return;
    }
    char buf[64] = {0};
    read(fd, buf, sizeof buf - 1);
    printf("open %s: ok: %s", path, buf);
    close(fd);
}

int main(void) {
    struct stat st;
    try_open("inside.txt");
    try_open("link_in");
    try_open("sub/../inside.txt");
    try_open("../outside/secret.txt");
    try_open("sub/../../outside/secret.txt");
    try_open("/etc/passwd");
    try_open("link_out");
    try_open("link_abs");
    try_open("sub/link_up/secret.txt");
    try_open("loop1");
    SHOW("stat link_out (following)", stat("link_out", &st));
    SHOW("lstat link_out (the link itself)", lstat("link_out", &st));
    SHOW("opendir ..", opendir("..") ? 0 : -1);
    SHOW("opendir sub/link_up", opendir("sub/link_up") ? 0 : -1);
    SHOW("write ../outside/new.txt", open("../outside/new.txt", O_CREAT | O_WRONLY, 0644));
    SHOW("mkdir ../newdir", mkdir("../newdir", 0755));
    SHOW("mkdir sub/link_up/newdir", mkdir("sub/link_up/newdir", 0755));
    SHOW("rename inside.txt -> ../stolen.txt", rename("inside.txt", "../stolen.txt"));
    SHOW("rename ../outside/secret.txt -> here.txt", rename("../outside/secret.txt", "here.txt"));
    SHOW("unlink ../outside/secret.txt", unlink("../outside/secret.txt"));
    SHOW("unlink sub/link_up/secret.txt", unlink("sub/link_up/secret.txt"));
    SHOW("hard link ../outside/secret.txt", link("../outside/secret.txt", "hard1"));
    SHOW("hard link through link_out", linkat(AT_FDCWD, "link_out", AT_FDCWD, "hard2", AT_SYMLINK_FOLLOW));
    SHOW("hard link into ../outside", link("inside.txt", "../outside/hard3"));
    SHOW("symlink abs_link -> /etc/passwd", symlink("/etc/passwd", "abs_link"));
    SHOW("symlink rel_link -> ../outside/secret.txt", symlink("../outside/secret.txt", "rel_link"));
    try_open("rel_link");
    struct timespec times[2] = {{1, 0}, {1, 0}};
    SHOW("utimensat link_out (following)", utimensat(AT_FDCWD, "link_out", times, 0));
    SHOW("truncate link_out", truncate("link_out", 0));
    DIR *d = opendir(".");
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) n++;
    closedir(d);
    printf("entries in .: %d\n", n);
    unlink("rel_link");
    return 0;
}
