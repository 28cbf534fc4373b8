/* Sorting: an introspective-free quicksort (median of three, insertion sort below 16) of 32-bit
 * keys, and a bottom-up merge sort of 64-bit keys, each checked for order. Size: element count. */
#include "kernel.h"

static void insertion_sort(uint32_t *a, long lo, long hi) {
    for (long i = lo + 1; i <= hi; i++) {
        uint32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(uint32_t *a, long lo, long hi) {
    while (hi - lo > 16) {
        long mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) { uint32_t t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { uint32_t t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { uint32_t t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        uint32_t pivot = a[mid];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        /* Recurse into the smaller side, loop on the larger: the stack stays logarithmic. */
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
    insertion_sort(a, lo, hi);
}

static void merge_sort(uint64_t *a, uint64_t *tmp, long n) {
    uint64_t *src = a, *dst = tmp;
    for (long width = 1; width < n; width *= 2) {
        for (long lo = 0; lo < n; lo += 2 * width) {
            long mid = lo + width < n ? lo + width : n;
            long hi = lo + 2 * width < n ? lo + 2 * width : n;
            long i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = src[i] <= src[j] ? src[i++] : src[j++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        uint64_t *t = src; src = dst; dst = t;
    }
    if (src != a) memcpy(a, src, sizeof(uint64_t) * n);
}

int main(int argc, char **argv) {
    long n = kernel_size(argc, argv, 4000000);
    uint32_t *keys = malloc(sizeof(uint32_t) * n);
    uint64_t *wide = malloc(sizeof(uint64_t) * n);
    uint64_t *tmp = malloc(sizeof(uint64_t) * n);
    rng_t r = {0x9e3779b97f4a7c15ULL};
    for (long i = 0; i < n; i++) {
        keys[i] = (uint32_t) (rng_next(&r) >> 32) % (uint32_t) (n * 4);
        wide[i] = rng_next(&r);
    }
    quicksort(keys, 0, n - 1);
    merge_sort(wide, tmp, n);
    for (long i = 1; i < n; i++) {
        if (keys[i - 1] > keys[i] || wide[i - 1] > wide[i]) {
            printf("not sorted at %ld\n", i);
            return 1;
        }
    }
    uint64_t h = CHECKSUM_SEED;
    for (long i = 0; i < n; i += 97) h = mix(mix(h, keys[i]), wide[i]);
    print_checksum(h);
    return 0;
}
