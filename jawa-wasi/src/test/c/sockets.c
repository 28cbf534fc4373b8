/* Sockets the host hands in (WASI only: fd 3 is a listening socket): sock_accept, sock_recv,
 * sock_send, sock_shutdown, and a socket call on a descriptor that is not a socket. */
#include <ctype.h>
#include <sys/socket.h>
#include <unistd.h>
#include "wasitest.h"

int main(void) {
    int c = accept(3, NULL, NULL);
    printf("accept: %s\n", c >= 0 ? "ok" : errname(errno));
    char buf[256];
    long total = 0;
    ssize_t n;
    while ((n = recv(c, buf, sizeof buf, 0)) > 0) {
        for (ssize_t i = 0; i < n; i++) buf[i] = (char) toupper((unsigned char) buf[i]);
        ssize_t sent = send(c, buf, n, 0);
        if (sent != n) printf("send: short\n");
        total += n;
    }
    printf("echoed %ld bytes\n", total);
    SHOW("shutdown write side", shutdown(c, SHUT_WR));
    SHOW("recv on stdout", recv(1, buf, 1, 0));
    SHOW("accept on stdout", accept(1, NULL, NULL));
    SHOW("close", close(c));
    return 0;
}
