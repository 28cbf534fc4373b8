/* Mandelbrot (f64): escape counts over a size x size grid of the region [-2, 0.6] x [-1.3, 1.3],
 * at most 200 iterations per point. Size: the grid's side. */
#include "kernel.h"

int main(int argc, char **argv) {
    int n = (int) kernel_size(argc, argv, 2400);
    const int max_iter = 200;
    uint64_t h = CHECKSUM_SEED;
    uint64_t inside = 0;
    for (int py = 0; py < n; py++) {
        double ci = -1.3 + 2.6 * py / n;
        uint64_t row = 0;
        for (int px = 0; px < n; px++) {
            double cr = -2.0 + 2.6 * px / n;
            double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
            int it = 0;
            while (it < max_iter && zr2 + zi2 <= 4.0) {
                zi = 2 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                it++;
            }
            if (it == max_iter) inside++;
            row = row * 31 + (uint64_t) it;
        }
        h = mix(h, row);
    }
    h = mix(h, inside);
    print_checksum(h);
    return 0;
}
