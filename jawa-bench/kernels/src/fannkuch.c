/* Fannkuch-style permutations: for every permutation of 0..n-1 (in lexicographic order), count
 * the prefix reversals ("pancake flips") until 0 comes first; report the most flips and a
 * signed sum of the counts. Size: n. */
#include "kernel.h"

/* Steps perm to the next permutation in lexicographic order; 0 after the last one. */
static int next_permutation(int *perm, int n) {
    int i = n - 2;
    while (i >= 0 && perm[i] > perm[i + 1]) i--;
    if (i < 0) return 0;
    int j = n - 1;
    while (perm[j] < perm[i]) j--;
    int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    for (int a = i + 1, b = n - 1; a < b; a++, b--) { t = perm[a]; perm[a] = perm[b]; perm[b] = t; }
    return 1;
}

int main(int argc, char **argv) {
    int n = (int) kernel_size(argc, argv, 11);
    if (n > 16) n = 16;
    int perm[16], work[16];
    for (int i = 0; i < n; i++) perm[i] = i;
    int max_flips = 0;
    long sum = 0, index = 0;
    do {
        memcpy(work, perm, sizeof(int) * n);
        int flips = 0;
        while (work[0] != 0) {
            int k = work[0];
            for (int a = 0, b = k; a < b; a++, b--) { int t = work[a]; work[a] = work[b]; work[b] = t; }
            flips++;
        }
        if (flips > max_flips) max_flips = flips;
        sum += (index & 1) ? -flips : flips;
        index++;
    } while (next_permutation(perm, n));
    printf("max flips %d, sum %ld\n", max_flips, sum);
    print_checksum(mix(mix(CHECKSUM_SEED, (uint64_t) max_flips), (uint64_t) sum));
    return 0;
}
