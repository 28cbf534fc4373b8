/* Directories and names: path_create_directory, path_remove_directory, path_unlink_file,
 * path_rename, path_symlink, path_readlink, path_link, path_filestat_get (following links or
 * not), path_filestat_set_times, and fd_readdir with cookies (readdir, telldir/seekdir,
 * rewinddir). */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasitest.h"

static void put(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* The names readdir gives from the current position, sorted (the order is the file system's). */
static void list(DIR *dir, const char *label) {
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < 64) {
        names[n++] = strdup(e->d_name);
    }
    qsort(names, n, sizeof(char *), cmp);
    printf("%s (%d):", label, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void) {
    struct stat st;
    SHOW("mkdir d", mkdir("d", 0755));
    SHOW("mkdir d again", mkdir("d", 0755));
    SHOW("mkdir d/sub", mkdir("d/sub", 0755));
    SHOW("mkdir missing/x", mkdir("missing/x", 0755));
    put("d/f1", "one");
    put("d/f2", "two!");
    put("d/f3", "three");
    SHOW("stat d", stat("d", &st));
    printf("  dir %d\n", S_ISDIR(st.st_mode) != 0);

    DIR *dir = opendir("d");
    printf("opendir d: %s\n", dir ? "ok" : errname(errno));
    list(dir, "entries");
    rewinddir(dir);
    list(dir, "after rewinddir");
    /* Remember the position after two entries, read on, then go back there: the same entries
     * follow, in the file system's order. */
    rewinddir(dir);
    char *order[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < 16) order[n++] = strdup(e->d_name);
    rewinddir(dir);
    readdir(dir);
    readdir(dir);
    long pos = telldir(dir);
    int same = 1, rest = 0;
    while ((e = readdir(dir)) != NULL) same &= 2 + rest < n && strcmp(e->d_name, order[2 + rest++]) == 0;
    printf("after two: %d more, in order: %s\n", rest, same ? "yes" : "no");
    seekdir(dir, pos);
    same = 1, rest = 0;
    while ((e = readdir(dir)) != NULL) same &= 2 + rest < n && strcmp(e->d_name, order[2 + rest++]) == 0;
    printf("after seekdir back: %d more, in order: %s\n", rest, same ? "yes" : "no");
    closedir(dir);

    /* Entry types as readdir reports them. */
    SHOW("symlink d/link -> f2", symlink("f2", "d/link"));
    dir = opendir("d");
    int links = 0, dirs = 0, regs = 0;
    while ((e = readdir(dir)) != NULL) {
        links += e->d_type == DT_LNK;
        dirs += e->d_type == DT_DIR;
        regs += e->d_type == DT_REG;
    }
    closedir(dir);
    printf("types: %d links, %d directories, %d regular\n", links, dirs, regs);

    char target[64];
    memset(target, 0, sizeof target);
    SHOW("readlink d/link", readlink("d/link", target, sizeof target));
    printf("  target: %s\n", target);
    memset(target, 0, sizeof target);
    SHOW("readlink d/link into 1 byte", readlink("d/link", target, 1));
    SHOW("readlink d/f1 (not a link)", readlink("d/f1", target, sizeof target));
    SHOW("lstat d/link", lstat("d/link", &st));
    printf("  link %d\n", S_ISLNK(st.st_mode) != 0);
    SHOW("stat d/link", stat("d/link", &st));
    printf("  regular %d, size %ld\n", S_ISREG(st.st_mode) != 0, (long) st.st_size);
    SHOW("open through the link", open("d/link", O_RDONLY) >= 0 ? 0 : -1);
    SHOW("open the link, not following", open("d/link", O_RDONLY | O_NOFOLLOW));

    SHOW("link d/f2 -> d/hard", link("d/f2", "d/hard"));
    SHOW("stat d/hard", stat("d/hard", &st));
    printf("  nlink %ld, size %ld\n", (long) st.st_nlink, (long) st.st_size);
    SHOW("link onto an existing name", link("d/f2", "d/f3"));
    SHOW("link a directory", link("d/sub", "d/sub2"));

    struct timespec times[2] = {{1200000000, 0}, {1300000000, 0}};
    SHOW("utimensat d/f1", utimensat(AT_FDCWD, "d/f1", times, 0));
    stat("d/f1", &st);
    printf("  atime %ld, mtime %ld\n", (long) st.st_atim.tv_sec, (long) st.st_mtim.tv_sec);
    struct timespec omit[2] = {{0, UTIME_OMIT}, {1400000000, 0}};
    SHOW("utimensat d/f1 mtime only", utimensat(AT_FDCWD, "d/f1", omit, 0));
    stat("d/f1", &st);
    printf("  atime %ld, mtime %ld\n", (long) st.st_atim.tv_sec, (long) st.st_mtim.tv_sec);
    SHOW("utimensat d/link nofollow", utimensat(AT_FDCWD, "d/link", times, AT_SYMLINK_NOFOLLOW));
    lstat("d/link", &st);
    printf("  link mtime %ld\n", (long) st.st_mtim.tv_sec);
    SHOW("utimensat missing", utimensat(AT_FDCWD, "d/missing", times, 0));

    SHOW("rename d/f1 -> d/g1", rename("d/f1", "d/g1"));
    SHOW("stat d/f1", stat("d/f1", &st));
    SHOW("rename d/g1 onto d/f3", rename("d/g1", "d/f3"));
    SHOW("stat d/f3", stat("d/f3", &st));
    printf("  size %ld\n", (long) st.st_size);
    SHOW("rename missing", rename("d/nothing", "d/x"));
    SHOW("rename a file onto a directory", rename("d/f3", "d/sub"));
    SHOW("rename d/sub -> d/sub2", rename("d/sub", "d/sub2"));

    SHOW("unlink d (a directory)", unlink("d"));
    SHOW("rmdir d (not empty)", rmdir("d"));
    SHOW("rmdir d/f2 (a file)", rmdir("d/f2"));
    SHOW("unlink d/hard", unlink("d/hard"));
    SHOW("unlink d/link", unlink("d/link"));
    SHOW("unlink d/f2", unlink("d/f2"));
    SHOW("unlink d/f3", unlink("d/f3"));
    SHOW("unlink d/f3 again", unlink("d/f3"));
    SHOW("rmdir d/sub2", rmdir("d/sub2"));
    dir = opendir("d");
    list(dir, "left in d");
    closedir(dir);
    SHOW("rmdir d", rmdir("d"));
    SHOW("rmdir d again", rmdir("d"));
    return 0;
}
