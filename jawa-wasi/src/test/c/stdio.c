/* Standard streams: fd_read on stdin until EOF, fd_write to stdout and stderr, fd_fdstat_get
 * (isatty), fd_seek on a stream (ESPIPE); exits with the code given as argument. */
#include <ctype.h>
#include <stdlib.h>
#include <unistd.h>
#include "wasitest.h"

int main(int argc, char **argv) {
    char buf[7]; /* small, so a long input takes many reads */
    long total = 0, lines = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            buf[i] = (char) toupper((unsigned char) buf[i]);
            lines += buf[i] == '\n';
        }
        write(1, buf, n);
        total += n;
    }
    printf("read %ld bytes, %ld lines\n", total, lines);
    SHOW("lseek(stdin)", lseek(0, 0, SEEK_CUR));
    SHOW("read(stdout)", read(1, buf, 1));
    fflush(stdout);
    fprintf(stderr, "to stderr\n");
    return argc > 1 ? atoi(argv[1]) : 0;
}
