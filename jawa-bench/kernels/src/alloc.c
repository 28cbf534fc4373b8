/* A memory.grow and allocation-heavy workload: phases of malloc/free with many sizes (a binary
 * tree built and freed, vectors grown by realloc, a pool of blocks of random sizes replaced at
 * random, touching each), with the peak growing each phase so that the heap, and with it the wasm memory, keeps
 * growing. Size: the number of phases. */
#include "kernel.h"

typedef struct node { struct node *left, *right; uint32_t value; } node_t;

static node_t *build(int depth, uint32_t value) {
    node_t *n = malloc(sizeof *n);
    n->value = value;
    n->left = depth > 0 ? build(depth - 1, value * 2 + 1) : NULL;
    n->right = depth > 0 ? build(depth - 1, value * 2 + 2) : NULL;
    return n;
}

static uint64_t check_and_free(node_t *n) {
    if (!n) return 0;
    uint64_t sum = n->value + check_and_free(n->left) + check_and_free(n->right);
    free(n);
    return sum;
}

#define POOL 4096

int main(int argc, char **argv) {
    long phases = kernel_size(argc, argv, 80);
    rng_t r = {0xa110cULL};
    uint64_t h = CHECKSUM_SEED;
    void *pool[POOL] = {0};
    uint32_t sizes[POOL] = {0};
    for (long phase = 0; phase < phases; phase++) {
        /* A tree of up to 2^17 nodes. */
        h = mix(h, check_and_free(build(10 + (int) (phase % 8), (uint32_t) phase)));
        /* A vector grown one element at a time by doubling realloc; bigger every phase. */
        size_t cap = 1, len = 0, target = (size_t) 200000 * (size_t) (phase + 1);
        uint32_t *vec = malloc(sizeof(uint32_t));
        while (len < target) {
            if (len == cap) { cap *= 2; vec = realloc(vec, cap * sizeof(uint32_t)); }
            vec[len] = (uint32_t) (len * 2654435761u);
            len++;
        }
        uint64_t s = 0;
        for (size_t i = 0; i < len; i += 1024) s += vec[i];
        h = mix(h, s);
        /* Churn: replace random pool blocks with blocks of random sizes. */
        for (int k = 0; k < 20000; k++) {
            uint32_t slot = rng_below(&r, POOL);
            if (pool[slot]) h = mix(h, ((uint8_t *) pool[slot])[sizes[slot] - 1]);
            free(pool[slot]);
            uint32_t size = 1 + rng_below(&r, k % 64 == 0 ? 65536 : 512);
            pool[slot] = malloc(size);
            /* Touch the block's ends, not all of it: allocation is what this kernel measures. */
            memset(pool[slot], (int) (size & 0xff), size < 64 ? size : 64);
            ((uint8_t *) pool[slot])[size - 1] = (uint8_t) size;
            sizes[slot] = size;
        }
        free(vec);
    }
    for (int i = 0; i < POOL; i++) free(pool[i]);
    print_checksum(h);
    return 0;
}
