/* A call-heavy recursive workload: naive Fibonacci, the Takeuchi function and a recursive
 * tree walk whose shape comes from the node numbers. Size: the Fibonacci argument. */
#include "kernel.h"

/* noinline keeps these real calls in every build, wasm or native. */
__attribute__((noinline)) static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static int tak(int x, int y, int z) {
    return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}

/* Visits an implicit tree: node k has (k % 3) + 1 children down to the given depth. */
__attribute__((noinline)) static uint64_t walk(uint64_t node, int depth) {
    if (depth == 0) return node & 0xff;
    uint64_t sum = node;
    int children = (int) (node % 3) + 1;
    for (int c = 0; c < children; c++) sum += walk(node * 3 + (uint64_t) c + 1, depth - 1);
    return sum;
}

int main(int argc, char **argv) {
    uint32_t n = (uint32_t) kernel_size(argc, argv, 42);
    uint32_t f = fib(n);
    uint64_t h = mix(CHECKSUM_SEED, f);
    int t = 0;
    for (int i = 0; i < (int) n / 4; i++) t += tak(18 + i % 3, 12, 6);
    h = mix(h, (uint64_t) t);
    h = mix(h, walk(1, (int) n / 2));
    printf("fib(%u) = %u, tak sum %d\n", n, f, t);
    print_checksum(h);
    return 0;
}
