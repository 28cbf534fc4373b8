/* An i64-heavy workload: Miller-Rabin primality tests of 32-bit numbers with 64-bit modular
 * multiplication, mixed with 64-bit rotates, population counts, leading/trailing zero counts and
 * unsigned 64-bit division. Size: the number of candidates tested. */
#include "kernel.h"

static uint64_t pow_mod(uint64_t base, uint64_t exp, uint64_t mod) {
    uint64_t result = 1;
    base %= mod;
    while (exp) {
        if (exp & 1) result = result * base % mod;
        base = base * base % mod;
        exp >>= 1;
    }
    return result;
}

/* Deterministic for every n below 2^32 with the witnesses 2, 7 and 61. */
static int is_prime(uint64_t n) {
    if (n < 2) return 0;
    static const uint64_t witnesses[3] = {2, 7, 61};
    for (int i = 0; i < 3; i++) if (n % witnesses[i] == 0) return n == witnesses[i];
    uint64_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) { d >>= 1; s++; }
    for (int i = 0; i < 3; i++) {
        uint64_t x = pow_mod(witnesses[i], d, n);
        if (x == 1 || x == n - 1) continue;
        int composite = 1;
        for (int r = 1; r < s; r++) {
            x = x * x % n;
            if (x == n - 1) { composite = 0; break; }
        }
        if (composite) return 0;
    }
    return 1;
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

int main(int argc, char **argv) {
    long count = kernel_size(argc, argv, 4000000);
    uint64_t state = 0x243f6a8885a308d3ULL;
    uint64_t h = CHECKSUM_SEED, bits = 0;
    long primes = 0;
    for (long i = 0; i < count; i++) {
        state += 0x9e3779b97f4a7c15ULL;               /* splitmix64 */
        uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        uint64_t candidate = (z >> 32) | 1;
        if (is_prime(candidate)) {
            primes++;
            h = mix(h, candidate);
        }
        bits += (uint64_t) __builtin_popcountll(z) + (uint64_t) __builtin_clzll(z | 1)
              + (uint64_t) __builtin_ctzll(z | (1ULL << 63));
        h ^= rotl(z, (int) (i & 63)) / ((z & 0xffff) | 1);
    }
    printf("primes %ld, bits %llu\n", primes, (unsigned long long) bits);
    print_checksum(mix(mix(h, (uint64_t) primes), bits));
    return 0;
}
