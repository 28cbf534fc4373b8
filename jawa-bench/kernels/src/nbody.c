/* N-body (f64): a small star system of eight bodies under Newtonian gravity, advanced with a
 * symplectic Euler step; the total energy before and after goes into the checksum. Size: steps. */
#include "kernel.h"
#include <math.h> /* sqrt only: an exact IEEE operation everywhere */

#define BODIES 8

typedef struct { double x, y, z, vx, vy, vz, mass; } body_t;

static void init(body_t *b) {
    rng_t r = {0x0b0d1e5ULL};
    b[0] = (body_t) {0, 0, 0, 0, 0, 0, 40.0}; /* a heavy central star */
    /* Directions by repeated exact rotation by (3/5, 4/5): no libm, so every platform agrees. */
    double c = 1.0, s = 0.0;
    for (int i = 1; i < BODIES; i++) {
        double nc = c * 0.6 - s * 0.8, ns = c * 0.8 + s * 0.6;
        c = nc; s = ns;
        double dist = 1.0 + i * 0.75;
        /* The circular speed sqrt(M / r), with a small random eccentricity. */
        double speed = sqrt(40.0 / dist) * (0.95 + rng_below(&r, 100) / 1000.0);
        b[i] = (body_t) {dist * c, dist * s, 0.01 * i, -speed * s, speed * c, 0.0,
                         0.001 * (1 + rng_below(&r, 50))};
    }
}

static double energy(const body_t *b) {
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        e += 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(body_t *b, double dt) {
    for (int i = 0; i < BODIES; i++) {
        for (int j = i + 1; j < BODIES; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b[i].vx -= dx * b[j].mass * mag; b[i].vy -= dy * b[j].mass * mag; b[i].vz -= dz * b[j].mass * mag;
            b[j].vx += dx * b[i].mass * mag; b[j].vy += dy * b[i].mass * mag; b[j].vz += dz * b[i].mass * mag;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz;
    }
}

int main(int argc, char **argv) {
    long steps = kernel_size(argc, argv, 8000000);
    body_t b[BODIES];
    init(b);
    printf("energy before %.9f\n", energy(b));
    uint64_t h = mix_double(CHECKSUM_SEED, energy(b));
    for (long s = 0; s < steps; s++) advance(b, 0.001);
    h = mix_double(h, energy(b));
    for (int i = 0; i < BODIES; i++) h = mix_double(mix_double(h, b[i].x), b[i].vy);
    printf("energy after %.9f\n", energy(b));
    print_checksum(h);
    return 0;
}
