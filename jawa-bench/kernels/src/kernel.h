/*
 * Shared helpers for the benchmark kernels: the size argument, a deterministic pseudo-random
 * generator and the checksum line. Each kernel prints exactly one line "checksum <16 hex digits>"
 * so that the runner can check the answer: a wrong answer is never a fast one.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The problem size: argv[1] when given, else the kernel's default. */
static long kernel_size(int argc, char **argv, long default_size) {
    if (argc > 1) {
        long n = strtol(argv[1], NULL, 10);
        if (n > 0) return n;
    }
    return default_size;
}

/* One step of a 64-bit FNV-1a style mix; order matters, so the checksum sees every value. */
static inline uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v;
    h *= 0x100000001b3ULL;
    h ^= h >> 29;
    return h;
}

static inline uint64_t mix_double(uint64_t h, double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return mix(h, bits);
}

#define CHECKSUM_SEED 0xcbf29ce484222325ULL

/* A small, fast generator (xorshift64*), the same on every platform. */
typedef struct { uint64_t s; } rng_t;

static inline uint64_t rng_next(rng_t *r) {
    uint64_t x = r->s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->s = x;
    return x * 0x2545f4914f6cdd1dULL;
}

static inline uint32_t rng_below(rng_t *r, uint32_t n) {
    return (uint32_t) ((rng_next(r) >> 32) % n);
}

static void print_checksum(uint64_t h) {
    printf("checksum %016llx\n", (unsigned long long) h);
}

#endif
