/* Dense linear algebra: C = A * B on n x n f64 matrices (i-k-j order, so the inner loop streams
 * rows), then a few power-iteration steps y = C x with normalisation. Size: n. */
#include "kernel.h"

static void matmul(int n, const double *a, const double *b, double *c) {
    memset(c, 0, sizeof(double) * (size_t) n * n);
    for (int i = 0; i < n; i++) {
        double *ci = c + (size_t) i * n;
        for (int k = 0; k < n; k++) {
            double aik = a[(size_t) i * n + k];
            const double *bk = b + (size_t) k * n;
            for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
        }
    }
}

static double power_step(int n, const double *c, const double *x, double *y) {
    double norm = 0;
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += c[(size_t) i * n + j] * x[j];
        y[i] = s;
        norm = norm > (s < 0 ? -s : s) ? norm : (s < 0 ? -s : s);
    }
    for (int i = 0; i < n; i++) y[i] /= norm;
    return norm;
}

int main(int argc, char **argv) {
    int n = (int) kernel_size(argc, argv, 1200);
    double *a = malloc(sizeof(double) * (size_t) n * n);
    double *b = malloc(sizeof(double) * (size_t) n * n);
    double *c = malloc(sizeof(double) * (size_t) n * n);
    double *x = malloc(sizeof(double) * n);
    double *y = malloc(sizeof(double) * n);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            a[(size_t) i * n + j] = (double) ((i * 7 + j * 3) % 17) / 16.0 - 0.5;
            b[(size_t) i * n + j] = (double) ((i * 5 + j * 11) % 13) / 8.0 - 0.75;
        }
        x[i] = 1.0;
    }
    matmul(n, a, b, c);
    uint64_t h = CHECKSUM_SEED;
    for (size_t i = 0; i < (size_t) n * n; i++) h = mix_double(h, c[i]);
    for (int step = 0; step < 8; step++) {
        double norm = power_step(n, c, x, y);
        h = mix_double(h, norm);
        double *t = x; x = y; y = t;
    }
    print_checksum(h);
    return 0;
}
