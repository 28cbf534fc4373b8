/* A stencil: Jacobi relaxation of a 2D heat grid (5-point, f64) with fixed hot and cold edges.
 * Size: the number of sweeps over a 256 x 256 grid. */
#include "kernel.h"

#define N 256

int main(int argc, char **argv) {
    long steps = kernel_size(argc, argv, 40000);
    double *a = calloc(N * N, sizeof(double));
    double *b = calloc(N * N, sizeof(double));
    for (int i = 0; i < N; i++) {
        a[i] = b[i] = 100.0;                           /* hot top edge */
        a[(N - 1) * N + i] = b[(N - 1) * N + i] = -20.0; /* cold bottom edge */
        a[i * N + N / 2] = (double) (i % 7);            /* an uneven start in the middle */
    }
    for (long s = 0; s < steps; s++) {
        for (int i = 1; i < N - 1; i++) {
            const double *up = a + (i - 1) * N, *row = a + i * N, *down = a + (i + 1) * N;
            double *out = b + i * N;
            for (int j = 1; j < N - 1; j++) {
                out[j] = 0.2 * (row[j] + row[j - 1] + row[j + 1] + up[j] + down[j]);
            }
        }
        double *t = a; a = b; b = t;
    }
    uint64_t h = CHECKSUM_SEED;
    for (int i = 0; i < N * N; i++) h = mix_double(h, a[i]);
    print_checksum(h);
    return 0;
}
