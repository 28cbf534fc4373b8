/* poll_oneoff with descriptor subscriptions (a file ready to read, stdout ready to write) and
 * with a timeout. */
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include "wasitest.h"

int main(void) {
    int fd = open("p.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "abc", 3);
    lseek(fd, 0, SEEK_SET);
    struct pollfd p[2] = {{fd, POLLIN, 0}, {1, POLLOUT, 0}};
    SHOW("poll file+stdout", poll(p, 2, 1000));
    printf("  file readable %d, stdout writable %d\n", (p[0].revents & POLLIN) != 0, (p[1].revents & POLLOUT) != 0);
    struct pollfd w = {fd, POLLOUT, 0};
    SHOW("poll file for writing", poll(&w, 1, 0));
    printf("  writable %d\n", (w.revents & POLLOUT) != 0);
    SHOW("poll nothing for 20ms", poll(NULL, 0, 20));
    close(fd);
    unlink("p.txt");
    return 0;
}
