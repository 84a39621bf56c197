/*
    Philox4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random numbers:
    as easy as 1, 2, 3", SC11) and the normal/uniform variates derived from
    it (see sample.h for the counter layout).
*/
#include <math.h>
#include "diffwkb/sample.h"

#define PHILOX_M0 UINT32_C(0xD2511F53)
#define PHILOX_M1 UINT32_C(0xCD9E8D57)
#define PHILOX_W0 UINT32_C(0x9E3779B9)
#define PHILOX_W1 UINT32_C(0xBB67AE85)

static inline void
philox_round(uint32_t c[4], const uint32_t k[2])
{
    uint64_t p0 = (uint64_t) PHILOX_M0 * c[0];
    uint64_t p1 = (uint64_t) PHILOX_M1 * c[2];
    uint32_t hi0 = (uint32_t) (p0 >> 32), lo0 = (uint32_t) p0;
    uint32_t hi1 = (uint32_t) (p1 >> 32), lo1 = (uint32_t) p1;
    uint32_t n0 = hi1 ^ c[1] ^ k[0];
    uint32_t n2 = hi0 ^ c[3] ^ k[1];
    c[0] = n0;
    c[1] = lo1;
    c[2] = n2;
    c[3] = lo0;
}

void
sample_philox4x32_10(uint32_t out[4], const uint32_t ctr[4], const uint32_t key[2])
{
    uint32_t c[4], k[2];
    int r;
    c[0] = ctr[0]; c[1] = ctr[1]; c[2] = ctr[2]; c[3] = ctr[3];
    k[0] = key[0]; k[1] = key[1];
    for (r = 0; r < 10; r++)
    {
        if (r > 0)
        {
            k[0] += PHILOX_W0;
            k[1] += PHILOX_W1;
        }
        philox_round(c, k);
    }
    out[0] = c[0]; out[1] = c[1]; out[2] = c[2]; out[3] = c[3];
}

static inline void
uniforms_raw(double u[2], uint64_t seed, uint64_t i, uint32_t step, uint32_t lane)
{
    uint32_t ctr[4], key[2], w[4];
    uint64_t A, B;
    ctr[0] = (uint32_t) i;
    ctr[1] = (uint32_t) (i >> 32);
    ctr[2] = step;
    ctr[3] = lane;
    key[0] = (uint32_t) seed;
    key[1] = (uint32_t) (seed >> 32);
    sample_philox4x32_10(w, ctr, key);
    A = ((uint64_t) w[1] << 32) | w[0];
    B = ((uint64_t) w[3] << 32) | w[2];
    u[0] = (double) ((A >> 11) + 1) * 0x1p-53;
    u[1] = (double) (B >> 11) * 0x1p-53;
}

void
sample_uniforms(double u[2], uint64_t seed, uint64_t i, uint32_t step, uint32_t lane)
{
    uniforms_raw(u, seed, i, step, lane);
}

void
sample_normals(double * z, slong d, uint64_t seed, uint64_t i, uint32_t step)
{
    slong j;
    double u[2], r, c, s;
    const double twopi = 6.283185307179586476925286766559;

    for (j = 0; 2 * j < d; j++)
    {
        uniforms_raw(u, seed, i, step, (uint32_t) j);
        r = sqrt(-2.0 * log(u[0]));
        c = cos(twopi * u[1]);
        s = sin(twopi * u[1]);
        z[2 * j] = r * c;
        if (2 * j + 1 < d)
            z[2 * j + 1] = r * s;
    }
}
