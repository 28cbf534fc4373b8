/* A program that traps (an unreachable instruction, three calls deep). */
#include <stdio.h>

__attribute__((noinline)) static void fail(int depth) {
    if (depth == 0) __builtin_trap();
    fail(depth - 1);
    printf("unreachable\n");
}

int main(void) {
    printf("about to trap\n");
    fflush(stdout);
    fail(2);
    return 0;
}
