/* Arguments and environment: args_sizes_get, args_get, environ_sizes_get, environ_get. */
#include <stdlib.h>
#include "wasitest.h"

extern char **environ;

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

int main(int argc, char **argv) {
    printf("argc: %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]: %s\n", i, argv[i]);
    }
    const char *v = getenv("JAWA_GREETING");
    printf("JAWA_GREETING: %s\n", v ? v : "(unset)");
    printf("UNSET_VAR: %s\n", getenv("UNSET_VAR") ? "set" : "(unset)");
    int n = 0;
    while (environ[n]) n++;
    char **sorted = malloc(sizeof(char *) * (n + 1));
    memcpy(sorted, environ, sizeof(char *) * n);
    qsort(sorted, n, sizeof(char *), cmp);
    printf("environ: %d\n", n);
    for (int i = 0; i < n; i++) {
        printf("  %s\n", sorted[i]);
    }
    return argc;
}
